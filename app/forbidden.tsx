import { ForbiddenContent } from "@/components/console/forbidden-content";

// Outside the console shell (e.g. forbidden() thrown by a layout). Inside it,
// app/(console)/forbidden.tsx keeps the sidebar and top bar around the message.
export default function Forbidden() {
  return (
    <main className="px-4">
      <ForbiddenContent />
    </main>
  );
}
