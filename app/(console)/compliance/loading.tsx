import { PageSkeleton } from "@/components/console/page-skeleton";

export default function ComplianceLoading() {
  return <PageSkeleton variant="cards" />;
}
