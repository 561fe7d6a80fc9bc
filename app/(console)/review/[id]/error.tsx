"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/console/segment-error";

export default function ReviewError(props: SegmentErrorProps) {
  return <SegmentError {...props} />;
}
