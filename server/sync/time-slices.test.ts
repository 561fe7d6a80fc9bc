import { describe, expect, it } from "vitest";
import { planSlices, SliceProgress } from "./time-slices";

const DAY = 24 * 3600_000;
const now = Date.UTC(2026, 10, 1);

describe("planSlices", () => {
  it("splits the retention window into contiguous ranges, the first from `since`, the last open", () => {
    const slices = planSlices(new Date(0), now, 3);
    expect(slices).toHaveLength(3);
    expect(slices[0]!.start.getTime()).toBe(0);
    expect(slices[0]!.end!.getTime()).toBe(now - 60 * DAY - 1);
    expect(slices[1]!.start.getTime()).toBe(now - 60 * DAY);
    expect(slices[2]!.end).toBeUndefined();
  });

  it("does not split a short incremental range", () => {
    expect(planSlices(new Date(now - 10 * 60_000), now, 3)).toEqual([{ start: new Date(now - 10 * 60_000) }]);
  });
});

describe("SliceProgress", () => {
  it("moves only as far as the first unfinished slice has committed", () => {
    const slices = planSlices(new Date(0), now, 3);
    const progress = new SliceProgress(slices);
    expect(progress.position()).toBeNull();
    progress.committed(1, new Date(now - 40 * DAY));
    expect(progress.position()).toBeNull(); // slice 0 has committed nothing yet
    progress.committed(0, new Date(now - 80 * DAY));
    expect(progress.position()).toEqual(new Date(now - 80 * DAY));
    progress.finished(0);
    expect(progress.position()).toEqual(new Date(now - 40 * DAY));
    progress.finished(1);
    expect(progress.position()).toEqual(new Date(slices[2]!.start.getTime() - 1));
    progress.committed(2, new Date(now - DAY));
    progress.finished(2);
    expect(progress.position()).toEqual(new Date(now - DAY));
  });
});
