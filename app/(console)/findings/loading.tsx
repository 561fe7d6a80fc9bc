import { PageSkeleton } from "@/components/console/page-skeleton";

export default function FindingsLoading() {
  return <PageSkeleton variant="table" />;
}
