import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsNotificationsLoading() {
  return <PageSkeleton variant="table" />;
}
