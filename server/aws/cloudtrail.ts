import "server-only";
import { LookupEventsCommand, type CloudTrailClient, type Event, type LookupAttributeKey } from "@aws-sdk/client-cloudtrail";
import { AWS_RATES, type RateLimiter, type TRate } from "./rate-limiter";

// CloudTrail event history (LookupEvents) of one account and region: newest first, 50 per page,
// 2 requests per second per account and region (AWS's published limit), the last 90 days.

type TScope = { accountId?: string; region: string };

/** LookupEvents' published rate. Registered with the shared limiter's table until rate-limiter.ts lists it. */
export const LOOKUP_EVENTS_RATE: TRate = { perSecond: 2, burst: 2 };
(AWS_RATES as Record<string, TRate>)["cloudtrail:LookupEvents"] ??= LOOKUP_EVENTS_RATE;

export const LOOKUP_EVENTS_MAX_RESULTS = 50;

export type TLookupEvent = {
  eventId: string;
  eventTime: Date;
  eventName: string;
  eventSource: string | null;
  /** ResourceType / ResourceName pairs as LookupEvents reports them */
  resources: { type: string | null; name: string }[];
  /** the full record (CloudTrailEvent), parsed; null when CloudTrail sent none or it is not JSON */
  record: Record<string, unknown> | null;
};

export type TLookupPage = { events: TLookupEvent[]; nextToken: string | null };

function toLookupEvent(e: Event): TLookupEvent | null {
  if (!e.EventId || !e.EventTime || !e.EventName) return null;
  let record: Record<string, unknown> | null = null;
  if (e.CloudTrailEvent) {
    try {
      const parsed: unknown = JSON.parse(e.CloudTrailEvent);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) record = parsed as Record<string, unknown>;
    } catch {
      record = null;
    }
  }
  return {
    eventId: e.EventId, eventTime: e.EventTime, eventName: e.EventName, eventSource: e.EventSource ?? null, record,
    resources: (e.Resources ?? []).flatMap((r) => (r.ResourceName ? [{ type: r.ResourceType ?? null, name: r.ResourceName }] : [])),
  };
}

/**
 * Pages of the scope's events in [start, end], newest first, each call paced by the limiter. Pass the
 * `nextToken` of a page to continue after it. One lookup attribute at most, as CloudTrail allows.
 */
export async function* lookupEventPages(options: {
  client: CloudTrailClient; limiter: RateLimiter; scope: TScope; start: Date; end: Date;
  attribute?: { key: LookupAttributeKey; value: string }; nextToken?: string; signal?: AbortSignal;
}): AsyncGenerator<TLookupPage> {
  let NextToken = options.nextToken;
  do {
    options.signal?.throwIfAborted();
    await options.limiter.take("cloudtrail", "LookupEvents", options.scope);
    const page = await options.client.send(
      new LookupEventsCommand({
        StartTime: options.start, EndTime: options.end, MaxResults: LOOKUP_EVENTS_MAX_RESULTS, NextToken,
        ...(options.attribute ? { LookupAttributes: [{ AttributeKey: options.attribute.key, AttributeValue: options.attribute.value }] } : {}),
      }),
      { abortSignal: options.signal },
    );
    NextToken = page.NextToken || undefined;
    yield { events: (page.Events ?? []).flatMap((e) => toLookupEvent(e) ?? []), nextToken: NextToken ?? null };
  } while (NextToken);
}
