import "server-only";
import { GetDetectorCommand, type GuardDutyClient } from "@aws-sdk/client-guardduty";
import type { RateLimiter } from "./rate-limiter";

export type TDetector = { detectorId: string; status: string; findingPublishingFrequency: string | null; updatedAt: string | null };

/** One detector's status (ENABLED / DISABLED); list the ids with listDetectorIds (server/aws/guardduty.ts). */
export async function getDetector(client: GuardDutyClient, limiter: RateLimiter, scope: { accountId?: string; region: string }, detectorId: string): Promise<TDetector> {
  await limiter.take("guardduty", "GetDetector", scope);
  const r = await client.send(new GetDetectorCommand({ DetectorId: detectorId }));
  return { detectorId, status: r.Status ?? "ENABLED", findingPublishingFrequency: r.FindingPublishingFrequency ?? null, updatedAt: r.UpdatedAt ?? null };
}
