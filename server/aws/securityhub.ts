import "server-only";
import { GetFindingsCommand, type AwsSecurityFinding, type SecurityHubClient } from "@aws-sdk/client-securityhub";
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
