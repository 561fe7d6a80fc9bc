"use client";

import { SegmentError, type SegmentErrorProps } from "@/components/console/segment-error";

export default function SettingsNotificationsError(props: SegmentErrorProps) {
  return <SegmentError {...props} />;
}
