"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/console/segment-error";

export default function SettingsGeneralError(props: SegmentErrorProps) {
  return <SegmentError {...props} />;
}
