import "server-only";
import { db } from "@/server/db";

// "Now" for the stale rule, on the clock of the source the patch states came from. Against AWS that is
// the wall clock. The demo simulator runs its own clock (it starts on a fixed date and can be moved
// forward), and its patch operations follow it: measuring their age with the wall clock would call the
// whole demo fleet stale. So a collection records the source's clock when it starts, and readers add
// that offset to the wall clock.

/** The source's clock now: the simulator's (its /_sim/state) when `endpoint` is one, else the wall clock. */
export async function readSourceClock(endpoint: string | undefined): Promise<Date> {
  if (!endpoint) return new Date();
  try {
    const response = await fetch(new URL("/_sim/state", endpoint), { signal: AbortSignal.timeout(3_000) });
    if (response.ok) {
      const clock = ((await response.json()) as { clock?: unknown }).clock;
      if (typeof clock === "string" && Number.isFinite(Date.parse(clock))) return new Date(clock);
    }
  } catch {
    // Not a simulator (an AWS-compatible endpoint): its clock is the wall clock.
  }
  return new Date();
}

/** The reference time: the wall clock shifted by the newest collection's source-clock offset. */
export async function referenceNow(wall = new Date()): Promise<Date> {
  const latest = await db.patchCollection.findFirst({ orderBy: { startedAt: "desc" }, select: { startedAt: true, sourceClockAt: true } });
  if (!latest) return wall;
  return new Date(wall.getTime() + latest.sourceClockAt.getTime() - latest.startedAt.getTime());
}
