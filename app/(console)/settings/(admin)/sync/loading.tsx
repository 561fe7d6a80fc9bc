import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsSyncLoading() {
  return <PageSkeleton variant="table" />;
}
