"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/console/segment-error";

export default function SettingsSyncError(props: SegmentErrorProps) {
  return <SegmentError {...props} />;
}
