"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/console/segment-error";

export default function SettingsSlaPolicyError(props: SegmentErrorProps) {
  return <SegmentError {...props} />;
}
