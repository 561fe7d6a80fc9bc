import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsAuditLoading() {
  return <PageSkeleton variant="table" />;
}
