import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsSlaPolicyLoading() {
  return <PageSkeleton variant="panel" />;
}
