import "server-only";
import {
  DescribeStandardsControlsCommand,
  GetEnabledStandardsCommand,
  GetFindingAggregatorCommand,
  GetFindingsCommand,
  ListFindingAggregatorsCommand,
  type AwsSecurityFinding,
  type SecurityHubClient,
} from "@aws-sdk/client-securityhub";
import type { RateLimiter } from "./rate-limiter";

export type TSecurityHubPage = { findings: AwsSecurityFinding[]; nextToken?: string };

/**
 * Findings updated at or after `updatedSince`, oldest first, 100 per call (the API's maximum).
 * `accountId` narrows to one account (fan-out); without it the aggregation region returns all.
 * Yields page by page so the caller can write while the next page is fetched.
 */
export async function* getFindingsSince(options: {
  client: SecurityHubClient;
  limiter: RateLimiter;
  region: string;
  accountId?: string;
  updatedSince: Date;
  /** inclusive upper bound; none = up to now */
  updatedBefore?: Date;
  signal?: AbortSignal;
}): AsyncGenerator<TSecurityHubPage> {
  let NextToken: string | undefined;
  do {
    await options.limiter.take("securityhub", "GetFindings", { accountId: options.accountId, region: options.region });
    const response = await options.client.send(
      new GetFindingsCommand({
        Filters: {
          UpdatedAt: [{ Start: options.updatedSince.toISOString(), End: (options.updatedBefore ?? new Date("2999-12-31T23:59:59.999Z")).toISOString() }],
          ...(options.accountId ? { AwsAccountId: [{ Value: options.accountId, Comparison: "EQUALS" }] } : {}),
        },
        SortCriteria: [{ Field: "UpdatedAt", SortOrder: "asc" }],
        MaxResults: 100,
        NextToken,
      }),
      { abortSignal: options.signal },
    );
    NextToken = response.NextToken || undefined;
    yield { findings: response.Findings ?? [], nextToken: NextToken };
  } while (NextToken);
}

export type TFindingAggregator = { arn: string; aggregationRegion: string; regionLinkingMode: string; regions: string[] };

/** The cross-region aggregator of this account, if any: delegated-admin topology reads from its region. */
export async function getFindingAggregator(client: SecurityHubClient, limiter: RateLimiter, region: string): Promise<TFindingAggregator | null> {
  await limiter.take("securityhub", "ListFindingAggregators", { region });
  const list = await client.send(new ListFindingAggregatorsCommand({}));
  const arn = list.FindingAggregators?.[0]?.FindingAggregatorArn;
  if (!arn) return null;
  await limiter.take("securityhub", "GetFindingAggregator", { region });
  const got = await client.send(new GetFindingAggregatorCommand({ FindingAggregatorArn: arn }));
  return { arn, aggregationRegion: got.FindingAggregationRegion ?? region, regionLinkingMode: got.RegionLinkingMode ?? "ALL_REGIONS", regions: got.Regions ?? [] };
}

export type TStandardControl = { controlId: string; title: string; status: string; severity: string | null; remediationUrl: string | null };
export type TEnabledStandard = { subscriptionArn: string; standardsArn: string; status: string; controls: TStandardControl[] };

/** Enabled standards (FSBP, CIS …) with each control's status: the basis of compliance scores. */
export async function getEnabledStandards(client: SecurityHubClient, limiter: RateLimiter, scope: { accountId?: string; region: string }): Promise<TEnabledStandard[]> {
  const subscriptions: { StandardsSubscriptionArn?: string; StandardsArn?: string; StandardsStatus?: string }[] = [];
  let NextToken: string | undefined;
  do {
    await limiter.take("securityhub", "GetEnabledStandards", scope);
    const r = await client.send(new GetEnabledStandardsCommand({ NextToken, MaxResults: 100 }));
    subscriptions.push(...(r.StandardsSubscriptions ?? []));
    NextToken = r.NextToken || undefined;
  } while (NextToken);
  const result: TEnabledStandard[] = [];
  for (const sub of subscriptions) {
    if (!sub.StandardsSubscriptionArn) continue;
    const controls: TStandardControl[] = [];
    let token: string | undefined;
    do {
      await limiter.take("securityhub", "DescribeStandardsControls", scope);
      const r = await client.send(new DescribeStandardsControlsCommand({ StandardsSubscriptionArn: sub.StandardsSubscriptionArn, NextToken: token, MaxResults: 100 }));
      for (const c of r.Controls ?? []) {
        controls.push({
          controlId: c.ControlId ?? c.StandardsControlArn ?? "?",
          title: c.Title ?? "",
          status: c.ControlStatus ?? "ENABLED",
          severity: c.SeverityRating ?? null,
          remediationUrl: c.RemediationUrl ?? null,
        });
      }
      token = r.NextToken || undefined;
    } while (token);
    result.push({ subscriptionArn: sub.StandardsSubscriptionArn, standardsArn: sub.StandardsArn ?? "", status: sub.StandardsStatus ?? "READY", controls });
  }
  return result;
}
