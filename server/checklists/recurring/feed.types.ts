// What a fed checklist item (source patches | findings | eol) shows next to the manual completion:
// the live state of the area it checks, computed from Kanshi's own tables. Pure types (client-safe).

export type TFeedSource = "patches" | "findings" | "eol";

export type TFeedStatus = {
  source: TFeedSource;
  /** true = nothing needs attention, false = something does, null = no data yet (never synced / discovered) */
  ok: boolean | null;
  /** the figures behind `ok`, named per source (e.g. { nonCompliant: 12, stale: 3, instances: 140 }); shown through i18n */
  counts: Record<string, number>;
  /** the list behind the figures, e.g. /findings?severity=CRITICAL,HIGH or /checklists?tab=patches&state=noncompliant */
  href: string;
  /** when the underlying data was last refreshed (ISO), null if never */
  asOf: string | null;
};
