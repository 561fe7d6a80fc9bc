import { PageSkeleton } from "@/components/console/page-skeleton";

export default function AccountsLoading() {
  return <PageSkeleton variant="table" />;
}
