import "server-only";
import type { TSimAccount } from "../data/organization";
import { baselineOf } from "../data/baseline";
import { hash } from "../data/random";
import { accessDenied, SimError } from "../errors";
import { parseJsonBody, type SimRuntime, type TRequest } from "../runtime";

/** The trail-configuration operations the simulator answers (the account baseline, issue 5). */
export const TRAIL_OPERATIONS = new Set<string>(["DescribeTrails", "GetTrailStatus"]);

const DAY = 86_400_000;

type TTrail = { name: string; arn: string; homeRegion: string; multiRegion: boolean; logging: boolean; account: TSimAccount; bucket: string };

/**
 * Each account's one management-events trail, homed in the organization's first region: multi-region
 * and logging, except in the accounts data/baseline.ts makes fail (single-region, or logging stopped).
 */
function trailOf(account: TSimAccount, rt: SimRuntime): TTrail | null {
  if (account.status !== "ACTIVE") return null;
  const baseline = baselineOf(rt.seed, rt.data.org, account);
  const homeRegion = rt.data.org.regions[0] as string;
  const name = `${account.name}-management-events`;
  return {
    name, arn: `arn:aws:cloudtrail:${homeRegion}:${account.id}:trail/${name}`, homeRegion, account,
    multiRegion: baseline.trail !== "single-region", logging: baseline.trail !== "not-logging",
    bucket: `aws-cloudtrail-logs-${rt.data.org.adminAccountId}-${(hash(rt.seed, 7530) % 0xffffff).toString(16).padStart(6, "0")}`,
  };
}

/** Trails visible in the caller's region: those homed there, and (shadow trails) multi-region ones homed elsewhere. */
function visibleTrails(req: TRequest, rt: SimRuntime, includeShadow: boolean): TTrail[] {
  const trail = trailOf(req.caller.account, rt);
  if (!trail || rt.regionIndex(req.caller.region) < 0) return [];
  if (trail.homeRegion === req.caller.region) return [trail];
  return includeShadow && trail.multiRegion ? [trail] : [];
}

function shape(t: TTrail) {
  return {
    Name: t.name, S3BucketName: t.bucket, S3KeyPrefix: t.account.id, IncludeGlobalServiceEvents: t.multiRegion,
    IsMultiRegionTrail: t.multiRegion, HomeRegion: t.homeRegion, TrailARN: t.arn, LogFileValidationEnabled: true,
    HasCustomEventSelectors: false, HasInsightSelectors: false, IsOrganizationTrail: false,
  };
}

function status(t: TTrail, rt: SimRuntime) {
  const started = rt.data.timeline.startMs - (400 + (hash(rt.seed, 7531, t.account.index) % 200)) * DAY;
  const now = rt.now();
  if (!t.logging) {
    const stopped = rt.data.timeline.startMs - (3 + (hash(rt.seed, 7532, t.account.index) % 10)) * DAY;
    return { IsLogging: false, StartLoggingTime: started / 1000, StopLoggingTime: stopped / 1000, LatestDeliveryTime: (stopped - 300_000) / 1000, TimeLoggingStarted: new Date(started).toISOString(), TimeLoggingStopped: new Date(stopped).toISOString() };
  }
  const delivered = now - (now % 300_000);
  return { IsLogging: true, StartLoggingTime: started / 1000, LatestDeliveryTime: delivered / 1000, LatestDeliveryAttemptTime: new Date(delivered).toISOString(), TimeLoggingStarted: new Date(started).toISOString() };
}

export function trailOperation(operation: string, req: TRequest, rt: SimRuntime): unknown {
  const baseline = baselineOf(rt.seed, rt.data.org, req.caller.account);
  if (req.caller.assumed && baseline.deniedServices.includes("cloudtrail")) throw accessDenied("cloudtrail", req.caller.arn, `cloudtrail:${operation}`);
  const input = parseJsonBody(req.body);
  switch (operation) {
    case "DescribeTrails": {
      const names = input.trailNameList as string[] | undefined;
      const trails = visibleTrails(req, rt, input.includeShadowTrails !== false);
      return { trailList: trails.filter((t) => !names?.length || names.includes(t.name) || names.includes(t.arn)).map(shape) };
    }
    case "GetTrailStatus": {
      const name = typeof input.Name === "string" ? input.Name : "";
      if (!name) throw new SimError(400, "InvalidTrailNameException", "Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).");
      // By name only the trail homed in this region; by ARN a shadow trail too.
      const trail = visibleTrails(req, rt, true).find((t) => t.arn === name || (t.name === name && t.homeRegion === req.caller.region));
      if (!trail) throw new SimError(400, "TrailNotFoundException", `Unknown trail: ${name} for the user: ${req.caller.account.id}`);
      return status(trail, rt);
    }
    default:
      throw new SimError(400, "UnsupportedOperationException", `The simulator does not implement ${operation} yet.`);
  }
}
