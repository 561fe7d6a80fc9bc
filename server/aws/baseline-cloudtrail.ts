import "server-only";
import { DescribeTrailsCommand, GetTrailStatusCommand, type CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import type { RateLimiter } from "./rate-limiter";

type TScope = { accountId?: string; region: string };

export type TTrail = { name: string; arn: string; homeRegion: string; isMultiRegion: boolean; isOrganizationTrail: boolean; s3BucketName: string | null };
export type TTrailStatus = { isLogging: boolean; latestDeliveryAt: Date | null; stopLoggingAt: Date | null; latestDeliveryError: string | null };

/** The trails visible in the scope's region, shadow trails (multi-region trails homed elsewhere) included. */
export async function describeTrails(client: CloudTrailClient, limiter: RateLimiter, scope: TScope): Promise<TTrail[]> {
  await limiter.take("cloudtrail", "DescribeTrails", scope);
  const r = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
  return (r.trailList ?? []).filter((t) => t.TrailARN && t.Name).map((t) => ({
    name: t.Name as string,
    arn: t.TrailARN as string,
    homeRegion: t.HomeRegion ?? scope.region,
    isMultiRegion: t.IsMultiRegionTrail === true,
    isOrganizationTrail: t.IsOrganizationTrail === true,
    s3BucketName: t.S3BucketName ?? null,
  }));
}

/** Whether a trail is logging; ask in the trail's home region, by ARN. */
export async function getTrailStatus(client: CloudTrailClient, limiter: RateLimiter, scope: TScope, trailArn: string): Promise<TTrailStatus> {
  await limiter.take("cloudtrail", "GetTrailStatus", scope);
  const r = await client.send(new GetTrailStatusCommand({ Name: trailArn }));
  return { isLogging: r.IsLogging === true, latestDeliveryAt: r.LatestDeliveryTime ?? null, stopLoggingAt: r.StopLoggingTime ?? null, latestDeliveryError: r.LatestDeliveryError ?? null };
}
