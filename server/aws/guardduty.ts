import "server-only";
import {
  ArchiveFindingsCommand,
  GetFindingsCommand,
  ListDetectorsCommand,
  ListFindingsCommand,
  UnarchiveFindingsCommand,
  type Finding,
  type GuardDutyClient,
} from "@aws-sdk/client-guardduty";
import type { RateLimiter } from "./rate-limiter";
import { describeAwsError, type TAwsFailure } from "./write-errors";

export async function listDetectorIds(client: GuardDutyClient, limiter: RateLimiter, scope: { accountId?: string; region: string }): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    await limiter.take("guardduty", "ListDetectors", scope);
    const r = await client.send(new ListDetectorsCommand({ NextToken, MaxResults: 50 }));
    ids.push(...(r.DetectorIds ?? []));
    NextToken = r.NextToken || undefined;
  } while (NextToken);
  return ids;
}

/** Native GuardDuty findings updated at or after `updatedSince`, oldest first: ListFindings (50) then GetFindings (50). */
export async function* getGuardDutyFindingsSince(options: {
  client: GuardDutyClient;
  limiter: RateLimiter;
  detectorId: string;
  scope: { accountId?: string; region: string };
  updatedSince: Date;
}): AsyncGenerator<Finding[]> {
  let NextToken: string | undefined;
  do {
    await options.limiter.take("guardduty", "ListFindings", options.scope);
    const list = await options.client.send(
      new ListFindingsCommand({
        DetectorId: options.detectorId,
        FindingCriteria: {
          Criterion: {
            updatedAt: { GreaterThanOrEqual: options.updatedSince.getTime() },
            // Fan-out: a member's detector may be the delegated administrator's, which lists every member's findings.
            ...(options.scope.accountId ? { accountId: { Equals: [options.scope.accountId] } } : {}),
          },
        },
        SortCriteria: { AttributeName: "updatedAt", OrderBy: "ASC" },
        MaxResults: 50,
        NextToken,
      }),
    );
    NextToken = list.NextToken || undefined;
    const ids = list.FindingIds ?? [];
    if (ids.length === 0) continue;
    await options.limiter.take("guardduty", "GetFindings", options.scope);
    const got = await options.client.send(new GetFindingsCommand({ DetectorId: options.detectorId, FindingIds: ids }));
    yield got.Findings ?? [];
  } while (NextToken);
}

/** ArchiveFindings / UnarchiveFindings take at most 50 finding ids per call. */
export const ARCHIVE_MAX = 50;

export type TArchiveResult = { done: string[]; failed: (TAwsFailure & { id: string })[]; calls: number };
type TArchiveOptions = { client: GuardDutyClient; limiter: RateLimiter; scope: { accountId?: string; region: string }; detectorId: string; findingIds: string[] };

/**
 * Sends ids 50 per call. GuardDuty answers all or nothing (an empty body), so a failed call reports
 * each of its ids with the error and never throws for AWS errors.
 */
async function changeArchived(operation: "ArchiveFindings" | "UnarchiveFindings", options: TArchiveOptions): Promise<TArchiveResult> {
  const result: TArchiveResult = { done: [], failed: [], calls: 0 };
  for (let start = 0; start < options.findingIds.length; start += ARCHIVE_MAX) {
    const FindingIds = options.findingIds.slice(start, start + ARCHIVE_MAX);
    await options.limiter.take("guardduty", operation, options.scope);
    result.calls++;
    try {
      const input = { DetectorId: options.detectorId, FindingIds };
      await options.client.send(operation === "ArchiveFindings" ? new ArchiveFindingsCommand(input) : new UnarchiveFindingsCommand(input));
      result.done.push(...FindingIds);
    } catch (error) {
      const failure = describeAwsError(error);
      result.failed.push(...FindingIds.map((id) => ({ id, ...failure })));
    }
  }
  return result;
}

export function archiveFindings(options: TArchiveOptions): Promise<TArchiveResult> {
  return changeArchived("ArchiveFindings", options);
}

export function unarchiveFindings(options: TArchiveOptions): Promise<TArchiveResult> {
  return changeArchived("UnarchiveFindings", options);
}
