import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsUsersLoading() {
  return <PageSkeleton variant="table" />;
}
