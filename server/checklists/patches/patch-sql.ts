import "server-only";

// SQL shared by the roll-ups, the instance list, the snapshot and the feed. The rules are written down in
// patches.types.ts; this is their one SQL form. `ref` and `days` are placeholders ($n) for the reference
// time (timestamp, UTC) and the stale threshold in days.

/** An instance's state: stale first (outdated counts decide nothing), then non-compliant, else compliant. */
export function stateSql(ref: string, days: string, alias = ""): string {
  const c = (column: string) => `${alias}"${column}"`;
  return `(CASE WHEN NOT ${c("hasState")} OR ${c("operationEndAt")} IS NULL OR ${c("operationEndAt")} < ${ref}::timestamp - make_interval(days => ${days}::int) THEN 'stale'
    WHEN ${c("missing")} > 0 OR ${c("failed")} > 0 OR ${c("installedPendingReboot")} > 0 OR ${c("criticalNonCompliant")} > 0 OR ${c("securityNonCompliant")} > 0 THEN 'noncompliant'
    ELSE 'compliant' END)`;
}

/** The figures of a group of rows that carry a `state` column (see stateSql). */
export const COUNTS_SQL = `count(*)::int AS instances,
  count(*) FILTER (WHERE state = 'compliant')::int AS compliant,
  count(*) FILTER (WHERE state = 'noncompliant')::int AS "nonCompliant",
  count(*) FILTER (WHERE state = 'stale')::int AS stale,
  coalesce(sum(missing), 0)::int AS missing,
  coalesce(sum(failed), 0)::int AS failed,
  coalesce(sum("installedPendingReboot"), 0)::int AS "pendingReboot",
  coalesce(sum("criticalNonCompliant"), 0)::int AS critical,
  coalesce(sum("securityNonCompliant"), 0)::int AS security`;

/** Every instance with its state: `SELECT … FROM (${withState(...)}) i`. */
export function withStateSql(ref: string, days: string): string {
  return `SELECT p.*, ${stateSql(ref, days, "p.")} AS state FROM patch_instances p`;
}

export function pct(compliant: number, instances: number): number | null {
  return instances > 0 ? Math.round((compliant / instances) * 1000) / 10 : null;
}
