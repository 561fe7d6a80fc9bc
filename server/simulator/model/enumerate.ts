import "server-only";
import { firstAtOrAfter, type Timeline } from "./timeline";

// Ordered enumeration of "current versions" of findings by UpdatedAt. Each stream is a sequence
// strictly increasing in time (creations; one day's updates). An element is a finding's current
// version unless a later update of that finding happened by now, which `current` checks in O(days).
// Keys (time, stream, position) are totally ordered, so a page token is simply the last key.

export type TKey = { t: number; s: number; p: number };
export type TStream = { s: number; size: number; timeOf(p: number): number; indexOf(p: number): number; current(i: number, p: number): boolean };
export type THit = { key: TKey; s: number; i: number };
export type TScan = { hits: THit[]; resume: TKey | null };

function compare(a: TKey, b: TKey): number {
  return a.t - b.t || a.s - b.s || a.p - b.p;
}

export function securityHubStreams(timeline: Timeline, now: number): TStream[] {
  const streams: TStream[] = [
    {
      s: 1, size: timeline.population(now), timeOf: (p) => timeline.baseTime(p), indexOf: (p) => p,
      current: (i) => !timeline.updatedLater(i, -1, now),
    },
  ];
  for (let d = 0; d <= timeline.dayOf(now); d++) {
    const day = timeline.day(d);
    streams.push({
      s: d + 2, size: day.count, timeOf: (p) => timeline.eventTime(day, p), indexOf: (p) => timeline.indexAt(day, p),
      current: (i) => !timeline.updatedLater(i, d, now),
    });
  }
  return streams;
}

/**
 * Walks the merged streams in key order (dir 1 = ascending) from just past `after`, within [tLo, tHi],
 * collecting up to `limit` hits that pass `accept` (cheap filters first, then `current`).
 * Stops early after `budget` candidates and returns where to resume.
 */
export function scan(options: {
  streams: TStream[]; dir: 1 | -1; after: TKey | null; tLo: number; tHi: number; limit: number; budget: number;
  /** Cheap filter, checked before `current`. */
  accept: (i: number, s: number) => boolean;
  /** Filter that needs the finding's state, checked last. */
  post?: (i: number, s: number) => boolean;
}): TScan {
  const { streams, dir, tLo, tHi, limit } = options;
  const start: TKey = options.after ?? (dir === 1 ? { t: tLo, s: -Infinity, p: -Infinity } : { t: tHi, s: Infinity, p: Infinity });
  const heads = streams.map((stream) => seek(stream, start, dir));
  const hits: THit[] = [];
  let budget = options.budget;
  for (;;) {
    let best = -1;
    let bestKey: TKey | null = null;
    for (let n = 0; n < streams.length; n++) {
      const stream = streams[n] as TStream;
      const p = heads[n] as number;
      if (p < 0 || p >= stream.size) continue;
      const key = { t: stream.timeOf(p), s: stream.s, p };
      if (key.t < tLo || key.t > tHi) continue;
      if (!bestKey || compare(key, bestKey) * dir < 0) {
        best = n;
        bestKey = key;
      }
    }
    if (!bestKey) return { hits, resume: null };
    heads[best] = (heads[best] as number) + dir;
    const stream = streams[best] as TStream;
    const i = stream.indexOf(bestKey.p);
    if (options.accept(i, stream.s) && stream.current(i, bestKey.p) && (!options.post || options.post(i, stream.s))) {
      hits.push({ key: bestKey, s: stream.s, i });
      if (hits.length >= limit) return { hits, resume: bestKey };
    }
    if (--budget <= 0) return { hits, resume: bestKey };
  }
}

/** First position of `stream` strictly beyond `from` in direction dir. */
function seek(stream: TStream, from: TKey, dir: 1 | -1): number {
  const p = firstAtOrAfter(stream.timeOf, 0, stream.size, from.t);
  const equal = p < stream.size && stream.timeOf(p) === from.t;
  if (dir === 1) return equal && compare({ t: from.t, s: stream.s, p }, from) <= 0 ? p + 1 : p;
  return equal && compare({ t: from.t, s: stream.s, p }, from) < 0 ? p : p - 1;
}

export function encodeKey(key: TKey): string {
  return Buffer.from(JSON.stringify([key.t, key.s, key.p])).toString("base64url");
}

export function decodeKey(token: string): TKey | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3 && value.every((x) => typeof x === "number" && Number.isFinite(x))) {
      return { t: value[0] as number, s: value[1] as number, p: value[2] as number };
    }
  } catch {
    // fall through
  }
  return null;
}
