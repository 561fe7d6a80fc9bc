import { PageSkeleton } from "@/components/console/page-skeleton";

export default function ChecklistsLoading() {
  return <PageSkeleton variant="cards" />;
}
