import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { MAX_HISTORY_PERIODS, periodsBetween, type TPeriod } from "./cadence";
import { ZSchedule, type TSchedule } from "./cadence.schema";
import { HISTORY_PAGE_SIZE } from "./checklist-input.schema";
import type { TChecklistHistory, THistoryEntry } from "./checklists.types";
import type { TScheduleChange } from "./edit-checklists";

// The history of a checklist: every period from its creation to now (or to its archiving), newest first,
// each item's completion as recorded or "missed". Missed periods are computed from the schedules, never
// stored; when the schedule changed, the periods before the change are those of the schedule of the time.

/** `cut`: a period of an earlier schedule still running when the schedule changed */
type TSegmentPeriod = TPeriod & { schedule: TSchedule; cut: boolean };

/** The periods of each schedule the checklist has had, newest first, at most MAX_HISTORY_PERIODS. */
export function historyPeriods(options: { createdAt: Date; schedule: TSchedule; scheduleHistory: TScheduleChange[]; end: Date }): TSegmentPeriod[] {
  const segments: { schedule: TSchedule; from: Date; until: Date }[] = [];
  let from = options.createdAt;
  for (const change of options.scheduleHistory) {
    const until = new Date(change.until);
    if (until > from) segments.push({ schedule: ZSchedule.parse(change.schedule), from, until });
    from = until;
  }
  segments.push({ schedule: options.schedule, from, until: options.end });
  const out: TSegmentPeriod[] = [];
  const later = new Set<string>();
  for (const segment of segments.reverse()) {
    if (out.length >= MAX_HISTORY_PERIODS || segment.from >= options.end) continue;
    const to = segment.until < options.end ? segment.until : options.end;
    const periods = periodsBetween(segment.schedule.cadence, segment.schedule.timeZone, segment.from, to, MAX_HISTORY_PERIODS - out.length);
    // A period of an earlier schedule that was still running at the change: shown only if it was done
    // (marked below) and its key is not reused by the later schedule.
    const own = periods.reverse().filter((p) => !later.has(p.key)).map((p) => ({ ...p, schedule: segment.schedule, cut: to < options.end && p.due >= to }));
    for (const p of own) later.add(p.key);
    out.push(...own);
  }
  return out;
}

export async function getChecklistHistory(id: string, options: { page?: number; now?: Date } = {}): Promise<TChecklistHistory> {
  const now = options.now ?? new Date();
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const checklist = await db.checklist.findUnique({
    where: { id },
    include: { items: { orderBy: { position: "asc" } }, owner: { select: { id: true, email: true } } },
  });
  if (!checklist) throw new AppError("NOT_FOUND", "No such checklist.");
  const schedule = ZSchedule.parse(checklist.schedule);
  const end = checklist.archivedAt && checklist.archivedAt < now ? checklist.archivedAt : now;
  const all = historyPeriods({ createdAt: checklist.createdAt, schedule, scheduleHistory: (checklist.scheduleHistory as TScheduleChange[] | null) ?? [], end });

  const itemIds = checklist.items.map((i) => i.id);
  const completions = itemIds.length === 0 ? [] : await db.checklistCompletion.findMany({
    where: { itemId: { in: itemIds }, periodKey: { in: [...new Set(all.map((p) => p.key))] } },
    include: { completedBy: { select: { email: true } } },
  });
  const done = new Map(completions.map((c) => [`${c.itemId}|${c.periodKey}`, c]));
  // Periods cut short by a schedule change stay only when something was recorded for them.
  const periods = all.filter((p) => !p.cut || checklist.items.some((i) => done.has(`${i.id}|${p.key}`)));
  const totalPages = Math.max(1, Math.ceil(periods.length / HISTORY_PAGE_SIZE));
  const shown = periods.slice((page - 1) * HISTORY_PAGE_SIZE, page * HISTORY_PAGE_SIZE);

  return {
    checklist: {
      id: checklist.id, name: checklist.name, description: checklist.description, schedule, owner: checklist.owner,
      createdAt: checklist.createdAt.toISOString(), archivedAt: checklist.archivedAt?.toISOString() ?? null,
    },
    page, totalPages, totalPeriods: periods.length, truncated: all.length >= MAX_HISTORY_PERIODS,
    periods: shown.map((period) => {
      const closed = period.due < end;
      const entries = checklist.items.flatMap((item): THistoryEntry[] => {
        const completion = done.get(`${item.id}|${period.key}`);
        // An item counts for the periods it existed in: created before the due instant, not archived before the start.
        const applies = item.createdAt < period.due && (!item.archivedAt || item.archivedAt > period.start) && !period.cut;
        if (!completion && !applies) return [];
        return [{
          itemId: item.id, title: item.title, source: item.source, archived: item.archivedAt !== null,
          state: completion ? "done" : closed ? "missed" : "open",
          completion: completion ? { at: completion.completedAt.toISOString(), by: completion.completedBy?.email ?? null, result: completion.result, note: completion.note, link: completion.link } : null,
        }];
      });
      return {
        key: period.key, start: period.start.toISOString(), due: period.due.toISOString(), schedule: period.schedule, closed,
        done: entries.filter((e) => e.state === "done").length, missed: entries.filter((e) => e.state === "missed").length, entries,
      };
    }),
  };
}
