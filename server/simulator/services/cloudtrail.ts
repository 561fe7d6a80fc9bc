import "server-only";
import { awsJson, awsJsonError } from "../protocols/aws-json";
import type { TService } from "../runtime";
import { lookupEvents } from "./cloudtrail-events";
import { trailOperation, TRAIL_OPERATIONS } from "./cloudtrail-trails";

// The SDK sends "CloudTrail_20131101.<Operation>"; the service's full shape name is also accepted.
const PREFIX = /^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\./;

/**
 * CloudTrail in the simulator (awsJson1_1). Trail configuration (DescribeTrails, GetTrailStatus: the account
 * baseline) lives in cloudtrail-trails.ts; event history (LookupEvents: the timeline) in cloudtrail-events.ts.
 */
export const cloudTrail: TService = {
  label: "CloudTrail",
  operation: (req) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    const prefix = PREFIX.exec(target);
    if (req.method !== "POST" || !prefix) return null;
    const operation = target.slice(prefix[0].length);
    return operation === "LookupEvents" || TRAIL_OPERATIONS.has(operation) ? operation : null;
  },
  handle: (operation, req, rt) => awsJson(operation === "LookupEvents" ? lookupEvents(req, rt) : trailOperation(operation, req, rt)),
  encodeError: (error) => awsJsonError(error),
};
