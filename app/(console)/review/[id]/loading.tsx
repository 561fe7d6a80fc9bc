import { PageSkeleton } from "@/components/console/page-skeleton";

export default function ReviewLoading() {
  return <PageSkeleton />;
}
