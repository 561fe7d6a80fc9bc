"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/console/segment-error";

export default function ComplianceError(props: SegmentErrorProps) {
  return <SegmentError {...props} />;
}
