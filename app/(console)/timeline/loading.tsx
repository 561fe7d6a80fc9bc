import { PageSkeleton } from "@/components/console/page-skeleton";

export default function TimelineLoading() {
  return <PageSkeleton />;
}
