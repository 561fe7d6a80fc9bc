import { ForbiddenContent } from "@/components/console/forbidden-content";

export default function ConsoleForbidden() {
  return <ForbiddenContent />;
}
