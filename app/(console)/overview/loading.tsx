import { PageSkeleton } from "@/components/console/page-skeleton";

export default function OverviewLoading() {
  return <PageSkeleton />;
}
