import "server-only";
import { gcd, hash, modInverse, mulMod } from "../data/random";

export const DAY = 86_400_000;
const WINDOW = 90 * DAY;
const NEW_RATE = 0.002; // new findings per day, as a share of the initial population
const UPDATE_RATE = 0.01; // findings updated per day, as a share of the population

// Finding i's creation ("base") time is strictly increasing in i: the initial `scale` findings spread
// over the 90 days before the start, then `newPerDay` more each simulated day. Day d (0 = the start
// day) updates `count` findings chosen by the permutation i = (a·k + b) mod population, at times
// increasing in k. So "what changed since T, in time order" is a merge of a few monotone sequences,
// each searchable by time, and "was i updated on day d" is one modular inverse.

export type TDay = { d: number; population: number; count: number; a: number; aInv: number; b: number; step: number; offset: number };
export type TEvent = { d: number; k: number; time: number };

export class Timeline {
  readonly step: number;
  readonly newPerDay: number;
  readonly newStep: number;
  private days = new Map<number, TDay>();

  constructor(readonly seed: number, readonly scale: number, readonly startMs: number) {
    this.step = Math.max(1, Math.floor(WINDOW / scale));
    this.newPerDay = Math.max(1, Math.round(scale * NEW_RATE));
    this.newStep = Math.floor(DAY / this.newPerDay);
  }

  baseTime(i: number): number {
    if (i < this.scale) return this.startMs - WINDOW + i * this.step + 1;
    const n = i - this.scale;
    const d = Math.floor(n / this.newPerDay);
    const m = n - d * this.newPerDay;
    return this.startMs + d * DAY + m * this.newStep + Math.floor(this.newStep / 2) + 1;
  }

  /** Day number of time t (0 = the start day); negative before the start. */
  dayOf(t: number): number {
    return Math.floor((t - this.startMs) / DAY);
  }

  /** How many findings exist at time t (indices 0 … population-1). */
  population(t: number): number {
    const upper = this.scale + Math.max(0, this.dayOf(t) + 1) * this.newPerDay;
    return firstAtOrAfter((i) => this.baseTime(i), 0, upper, t + 1);
  }

  day(d: number): TDay {
    let day = this.days.get(d);
    if (!day) {
      const population = this.scale + d * this.newPerDay;
      const count = Math.max(1, Math.round(population * UPDATE_RATE));
      let a = 1 + (hash(this.seed, 7001, d) % Math.max(1, population - 1));
      while (gcd(a, population) !== 1) a++;
      const step = Math.floor(DAY / count);
      day = { d, population, count, a, aInv: modInverse(a, population), b: hash(this.seed, 7002, d) % population, step, offset: Math.floor(step / 3) + 1 };
      if (this.days.size > 10_000) this.days.clear();
      this.days.set(d, day);
    }
    return day;
  }

  eventTime(day: TDay, k: number): number {
    return this.startMs + day.d * DAY + k * day.step + day.offset;
  }

  indexAt(day: TDay, k: number): number {
    return (mulMod(day.a, k, day.population) + day.b) % day.population;
  }

  /** Position of finding i in day d's update order; ≥ count when i is not updated that day. */
  positionOf(day: TDay, i: number): number {
    if (i >= day.population) return Infinity;
    return mulMod(day.aInv, (i - day.b + day.population) % day.population, day.population);
  }

  /** Updates of finding i that happened by time t, oldest first. */
  events(i: number, t: number): TEvent[] {
    const out: TEvent[] = [];
    const last = this.dayOf(t);
    for (let d = 0; d <= last; d++) {
      const day = this.day(d);
      const k = this.positionOf(day, i);
      if (k >= day.count) continue;
      const time = this.eventTime(day, k);
      if (time <= t) out.push({ d, k, time });
    }
    return out;
  }

  /** Whether finding i, updated on day d, has another update after it by time t. */
  updatedLater(i: number, d: number, t: number): boolean {
    const last = this.dayOf(t);
    for (let later = last; later > d; later--) {
      const day = this.day(later);
      const k = this.positionOf(day, i);
      if (k < day.count && this.eventTime(day, k) <= t) return true;
    }
    return false;
  }
}

/** Smallest x in [lo, hi) with timeOf(x) ≥ target (timeOf increasing), or hi. */
export function firstAtOrAfter(timeOf: (x: number) => number, lo: number, hi: number, target: number): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (timeOf(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
