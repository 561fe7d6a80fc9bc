import "server-only";

export type TSlice = { start: Date; end?: Date };

const RETENTION_MS = 90 * 24 * 3600_000;

/**
 * Splits "updated since" into `count` time ranges to page concurrently: the fetches of one overlap
 * the parsing and writing of another. The first range takes everything older than Security Hub's
 * 90-day retention; the last is open-ended. Short ranges are not split.
 */
export function planSlices(since: Date, now: number, count: number): TSlice[] {
  const from = Math.max(since.getTime(), now - RETENTION_MS);
  if (count <= 1 || now - from < 3600_000) return [{ start: since }];
  const step = (now - from) / count;
  return Array.from({ length: count }, (_, i) => ({
    start: i === 0 ? since : new Date(Math.floor(from + i * step)),
    ...(i < count - 1 ? { end: new Date(Math.floor(from + (i + 1) * step) - 1) } : {}),
  }));
}

/**
 * The cursor of a scope read in slices: everything before the first unfinished slice's committed
 * progress is committed, so that is as far as the cursor may go.
 */
export class SliceProgress {
  private progress: (number | null)[];
  private done: boolean[];

  constructor(private readonly slices: TSlice[]) {
    this.progress = slices.map(() => null);
    this.done = slices.map(() => false);
  }

  committed(index: number, newest: Date): void {
    this.progress[index] = Math.max(this.progress[index] ?? 0, newest.getTime());
  }

  finished(index: number): void {
    this.done[index] = true;
  }

  /** How far the cursor may move now; null when nothing is known to be complete. */
  position(): Date | null {
    for (let i = 0; i < this.slices.length; i++) {
      if (this.done[i]) continue;
      const p = this.progress[i] ?? null;
      if (p !== null) return new Date(p);
      return i === 0 ? null : new Date(this.slices[i]!.start.getTime() - 1);
    }
    const newest = Math.max(...this.progress.map((p) => p ?? 0));
    return newest > 0 ? new Date(newest) : null;
  }
}
