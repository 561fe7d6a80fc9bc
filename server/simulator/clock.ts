import "server-only";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "15m", "6h", "7d" (or a bare number of milliseconds) → milliseconds. */
export function parseDuration(text: string | number): number {
  if (typeof text === "number" && Number.isFinite(text) && text >= 0) return text;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(String(text));
  if (!match) throw new Error(`Bad duration "${text}": use e.g. 30s, 15m, 6h or 7d`);
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? "ms"] as number));
}

/** The simulated clock: data follows it; credential expiry and rate limits use real time. */
export class SimClock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error("The clock only moves forward");
    this.ms += ms;
  }
}
