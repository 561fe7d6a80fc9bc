import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsGeneralLoading() {
  return <PageSkeleton variant="cards" />;
}
