import { PageSkeleton } from "@/components/console/page-skeleton";

export default function SettingsSuppressionRulesLoading() {
  return <PageSkeleton variant="table" />;
}
