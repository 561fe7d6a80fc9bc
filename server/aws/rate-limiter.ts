import "server-only";

// Token buckets per service operation, account and region, at AWS's published rates, so a sync
// spends its whole budget without being throttled. The SDK's own retries handle what still is.

export type TRate = { perSecond: number; burst: number };

// The steady rates are AWS's; bursts are kept a little under AWS's so that network jitter between
// our clock and theirs does not turn the last token of a burst into a throttled call.
export const AWS_RATES = {
  "securityhub:GetFindings": { perSecond: 3, burst: 5 },
  "securityhub:BatchUpdateFindings": { perSecond: 10, burst: 25 },
  "securityhub:default": { perSecond: 10, burst: 15 },
  "guardduty:default": { perSecond: 10, burst: 15 },
  "organizations:default": { perSecond: 4, burst: 4 },
  "sts:default": { perSecond: 20, burst: 40 },
  // SSM publishes no fixed per-API rates (its Describe*/List* calls are throttled somewhere around 5–20
  // per second per account and region); 5/s stays under the low end.
  "ssm:default": { perSecond: 5, burst: 10 },
  // Lambda's control-plane limit is 15 requests/second per account and region (ListFunctions included).
  "lambda:default": { perSecond: 10, burst: 12 },
  // RDS and EKS describe/list calls: token buckets that AWS documents loosely; 5/s stays well under.
  "rds:default": { perSecond: 5, burst: 10 },
  "eks:default": { perSecond: 5, burst: 10 },
  // CloudTrail LookupEvents: 2 requests per second per account and region (AWS's documented limit).
  "cloudtrail:LookupEvents": { perSecond: 2, burst: 2 },
  "cloudtrail:default": { perSecond: 5, burst: 10 },
  "config:default": { perSecond: 5, burst: 10 },
  "ecr:default": { perSecond: 5, burst: 10 },
  "ec2:default": { perSecond: 20, burst: 40 },
} satisfies Record<string, TRate>;

type Bucket = { tokens: number; updated: number; rate: TRate; queue: Promise<void> };

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  /** `enabled: false` for an endpoint without AWS's limits (the simulator with its limits off). */
  constructor(
    private readonly enabled = true,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private rateFor(service: string, operation: string): TRate {
    const rates = AWS_RATES as Record<string, TRate>;
    return rates[`${service}:${operation}`] ?? rates[`${service}:default`] ?? { perSecond: 5, burst: 10 };
  }

  /** Waits until a call of `operation` may be made for this account and region. */
  take(service: string, operation: string, scope: { accountId?: string; region: string }): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    const key = `${service}:${operation}:${scope.accountId ?? "-"}:${scope.region}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const rate = this.rateFor(service, operation);
      bucket = { tokens: rate.burst, updated: this.now(), rate, queue: Promise.resolve() };
      this.buckets.set(key, bucket);
    }
    const b = bucket;
    // Callers queue in order, each waiting for its own token.
    b.queue = b.queue.then(async () => {
      const now = this.now();
      b.tokens = Math.min(b.rate.burst, b.tokens + ((now - b.updated) / 1000) * b.rate.perSecond);
      b.updated = now;
      if (b.tokens < 1) {
        const waitMs = ((1 - b.tokens) / b.rate.perSecond) * 1000;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        b.tokens = 1;
        b.updated = this.now();
      }
      b.tokens -= 1;
    });
    return b.queue;
  }
}
