import { PageSkeleton } from "@/components/console/page-skeleton";

export default function FindingDetailLoading() {
  return <PageSkeleton />;
}
