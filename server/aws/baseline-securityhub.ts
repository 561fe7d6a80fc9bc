import "server-only";
import { DescribeHubCommand, GetEnabledStandardsCommand, type SecurityHubClient } from "@aws-sdk/client-securityhub";
import type { RateLimiter } from "./rate-limiter";

type TScope = { accountId?: string; region: string };

export type THub = { hubArn: string; subscribedAt: string | null };
export type TStandardsSubscription = { standardsArn: string; subscriptionArn: string; status: string };

/** The account's hub in the scope's region; null when Security Hub is not enabled there (InvalidAccessException "not subscribed"). */
export async function describeHub(client: SecurityHubClient, limiter: RateLimiter, scope: TScope): Promise<THub | null> {
  await limiter.take("securityhub", "DescribeHub", scope);
  try {
    const r = await client.send(new DescribeHubCommand({}));
    return { hubArn: r.HubArn ?? "", subscribedAt: r.SubscribedAt ?? null };
  } catch (error) {
    if (error instanceof Error && error.name === "InvalidAccessException" && /not subscribed/i.test(error.message)) return null;
    throw error;
  }
}

/** The standards subscriptions only (no controls): which standards are enabled. */
export async function listStandardsSubscriptions(client: SecurityHubClient, limiter: RateLimiter, scope: TScope): Promise<TStandardsSubscription[]> {
  const out: TStandardsSubscription[] = [];
  let NextToken: string | undefined;
  do {
    await limiter.take("securityhub", "GetEnabledStandards", scope);
    const r = await client.send(new GetEnabledStandardsCommand({ NextToken, MaxResults: 100 }));
    for (const s of r.StandardsSubscriptions ?? []) {
      if (s.StandardsArn) out.push({ standardsArn: s.StandardsArn, subscriptionArn: s.StandardsSubscriptionArn ?? "", status: s.StandardsStatus ?? "READY" });
    }
    NextToken = r.NextToken || undefined;
  } while (NextToken);
  return out;
}
