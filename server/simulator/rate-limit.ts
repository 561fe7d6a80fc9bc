import "server-only";

type TBucket = { tokens: number; at: number };
type TLimit = { rate: number; burst: number };

// Published Security Hub limits (GetFindings 3/s burst 6; BatchUpdateFindings 10/s burst 30; others
// 10/s burst 30), GuardDuty ~10/s, Organizations a few per second, STS generous.
const LIMITS: Record<string, TLimit> = {
  "SecurityHub.GetFindings": { rate: 3, burst: 6 },
  "SecurityHub.BatchUpdateFindings": { rate: 10, burst: 30 },
  "SecurityHub.*": { rate: 10, burst: 30 },
  "GuardDuty.*": { rate: 10, burst: 20 },
  "Organizations.*": { rate: 4, burst: 8 },
  "STS.*": { rate: 50, burst: 100 },
};

function limitFor(operation: string): TLimit {
  return LIMITS[operation] ?? LIMITS[`${operation.split(".")[0]}.*`] ?? { rate: 10, burst: 20 };
}

/** Token buckets per (operation, account, region), refilled in real time. */
export class RateLimiter {
  private buckets = new Map<string, TBucket>();

  constructor(private clock: () => number = () => performance.now()) {}

  /** Takes a token; false when the caller is over the limit. */
  take(operation: string, account: string, region: string): boolean {
    const limit = limitFor(operation);
    const key = `${operation}|${account}|${region}`;
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
