import "server-only";
import { BackgroundStream, DAY_MS, storyEvents, type TSimTrailEvent } from "../data/cloudtrail-events";
import { SimError, throttleError } from "../errors";
import { parseJsonBody, type SimRuntime, type TRequest } from "../runtime";

// LookupEvents as CloudTrail answers it: the caller's own account and region, the last 90 days, newest
// first, at most 50 per page, one lookup attribute, 2 requests per second per account and region.

const WINDOW_MS = 90 * DAY_MS;
const ATTRIBUTES = ["EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId"] as const;
type TAttribute = (typeof ATTRIBUTES)[number];
/** CloudTrail's published LookupEvents limit (the generic simulator limiter allows more). */
const LOOKUP_RATE = { perSecond: 2, burst: 2 };

type TKey = { t: number; id: string };
const before = (a: TKey, b: TKey) => a.t < b.t || (a.t === b.t && a.id < b.id);

const stories = new WeakMap<SimRuntime, Map<string, TSimTrailEvent[]>>();
const buckets = new WeakMap<SimRuntime, Map<string, { tokens: number; at: number }>>();

function storiesOf(rt: SimRuntime): Map<string, TSimTrailEvent[]> {
  let map = stories.get(rt);
  if (!map) {
    const start = rt.data.timeline.startMs;
    map = storyEvents({
      seed: rt.seed, scale: rt.scale, org: rt.data.org, model: rt.data.model, timeline: rt.data.timeline,
      gdLow: (j) => (rt.data.gdExists(j, start) ? rt.data.gdView(j, start) : null),
    }, start);
    stories.set(rt, map);
  }
  return map;
}

/** Every event of an account and region in [lo, hi], newest first, strictly before `after` when given. */
export function* eventsNewestFirst(rt: SimRuntime, account: number, region: number, lo: number, hi: number, after: TKey | null): Generator<TSimTrailEvent> {
  const acct = rt.data.org.accounts[account];
  if (!acct || region < 0) return;
  const bg = new BackgroundStream(rt.seed, rt.data.org, acct, region, rt.scale);
  const story = storiesOf(rt).get(`${account}:${region}`) ?? [];
  const top = after ? Math.min(after.t, hi) : hi;
  let n = bg.lastAtOrBefore(top);
  let p = story.length - 1;
  while (p >= 0 && (story[p] as TSimTrailEvent).time > top) p--;
  let nextBg = n >= 0 ? bg.event(n) : null;
  for (;;) {
    const s = p >= 0 ? (story[p] as TSimTrailEvent) : null;
    const pickBg = nextBg && (!s || before({ t: s.time, id: s.id }, { t: nextBg.time, id: nextBg.id }));
    const e = pickBg ? nextBg : s;
    if (!e || e.time < lo) return;
    if (pickBg) nextBg = --n >= 0 ? bg.event(n) : null;
    else p--;
    if (after && !before({ t: e.time, id: e.id }, after)) continue;
    yield e;
  }
}

function matcher(key: TAttribute, value: string): (e: TSimTrailEvent) => boolean {
  switch (key) {
    case "EventId": return (e) => e.id === value;
    case "EventName": return (e) => e.name === value;
    case "ReadOnly": return (e) => String(e.readOnly) === value;
    case "Username": return (e) => e.username === value;
    case "ResourceType": return (e) => e.resources.some((r) => r.type === value);
    case "ResourceName": return (e) => e.resources.some((r) => r.name === value || r.arn === value);
    case "EventSource": return (e) => e.source === value;
    case "AccessKeyId": return (e) => e.accessKeyId === value;
  }
}

function throttled(rt: SimRuntime, scope: string): boolean {
  if (!rt.rateLimits) return false;
  let map = buckets.get(rt);
  if (!map) buckets.set(rt, (map = new Map()));
  const now = performance.now();
  const b = map.get(scope) ?? { tokens: LOOKUP_RATE.burst, at: now };
  b.tokens = Math.min(LOOKUP_RATE.burst, b.tokens + ((now - b.at) / 1000) * LOOKUP_RATE.perSecond);
  b.at = now;
  map.set(scope, b);
  if (b.tokens < 1) return true;
  b.tokens -= 1;
  return false;
}

const seconds = (value: unknown, name: string): number | null => {
  if (value === undefined || value === null) return null;
  const n = typeof value === "number" ? value * 1000 : Date.parse(String(value));
  if (!Number.isFinite(n)) throw new SimError(400, "InvalidTimeRangeException", `${name} is not a valid time.`);
  return n;
};

export function lookupEvents(req: TRequest, rt: SimRuntime): unknown {
  const account = req.caller.account;
  const region = rt.regionIndex(req.caller.region);
  const scope = `${account.index}:${region}`;
  if (throttled(rt, scope)) {
    rt.stats.throttled++;
    throw throttleError("cloudtrail");
  }
  const input = parseJsonBody(req.body);
  const attributes = Array.isArray(input.LookupAttributes) ? (input.LookupAttributes as { AttributeKey?: unknown; AttributeValue?: unknown }[]) : [];
  if (attributes.length > 1) throw new SimError(400, "InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
  let test: ((e: TSimTrailEvent) => boolean) | null = null;
  const attribute = attributes[0];
  if (attribute) {
    const key = String(attribute.AttributeKey) as TAttribute;
    const value = typeof attribute.AttributeValue === "string" ? attribute.AttributeValue : "";
    if (!ATTRIBUTES.includes(key)) throw new SimError(400, "InvalidLookupAttributesException", `Invalid AttributeKey ${String(attribute.AttributeKey)}.`);
    if (value.length < 1 || value.length > 2000) throw new SimError(400, "InvalidLookupAttributesException", "AttributeValue must have length between 1 and 2000.");
    test = matcher(key, value);
  }
  const max = input.MaxResults === undefined ? 50 : Number(input.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 50) throw new SimError(400, "InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
  const now = rt.now();
  const start = seconds(input.StartTime, "StartTime");
  const end = seconds(input.EndTime, "EndTime");
  if (start !== null && end !== null && start > end) throw new SimError(400, "InvalidTimeRangeException", "Start time must not be after end time.");
  if (input.EventCategory !== undefined && input.EventCategory !== "insight") throw new SimError(400, "InvalidEventCategoryException", "EventCategory must be insight.");
  const filterTag = JSON.stringify(attribute ?? null);
  let after: TKey | null = null;
  if (input.NextToken !== undefined) {
    try {
      const token = JSON.parse(Buffer.from(String(input.NextToken), "base64url").toString()) as { s: string; f: string; t: number; id: string };
      if (token.s !== scope || token.f !== filterTag || typeof token.t !== "number" || typeof token.id !== "string") throw new Error("mismatch");
      after = { t: token.t, id: token.id };
    } catch {
      throw new SimError(400, "InvalidNextTokenException", "Invalid NextToken.");
    }
  }
  if (input.EventCategory === "insight") return { Events: [] };
  const lo = Math.max(start ?? 0, now - WINDOW_MS);
  const hi = Math.min(end ?? now, now);
  const events: TSimTrailEvent[] = [];
  let more = false;
  for (const e of eventsNewestFirst(rt, account.index, region, lo, hi, after)) {
    if (test && !test(e)) continue;
    if (events.length === max) {
      more = true;
      break;
    }
    events.push(e);
  }
  const last = events[events.length - 1];
  return {
    Events: events.map((e) => ({
      EventId: e.id, EventName: e.name, ReadOnly: String(e.readOnly), ...(e.accessKeyId ? { AccessKeyId: e.accessKeyId } : {}),
      EventTime: e.time / 1000, EventSource: e.source, ...(e.username ? { Username: e.username } : {}),
      Resources: e.resources.map((r) => ({ ResourceType: r.type, ResourceName: r.name })), CloudTrailEvent: JSON.stringify(e.record),
    })),
    ...(more && last ? { NextToken: Buffer.from(JSON.stringify({ s: scope, f: filterTag, t: last.time, id: last.id })).toString("base64url") } : {}),
  };
}
