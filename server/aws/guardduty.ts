import "server-only";
import { GetFindingsCommand, ListDetectorsCommand, ListFindingsCommand, type Finding, type GuardDutyClient } from "@aws-sdk/client-guardduty";
import type { RateLimiter } from "./rate-limiter";

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
