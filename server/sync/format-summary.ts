import "server-only";
import type { TSyncSummary } from "./run-sync";

/** A plain-text table of a sync for the command line. */
export function formatSummary(summary: TSyncSummary): string {
  const header = ["source", "scope", "status", "fetched", "inserted", "updated", "unchanged", "skipped", "api calls", "throttles"];
  const rows = summary.results.map((r) => [
    r.kind,
    r.scope,
    r.ok ? "ok" : "FAILED",
    ...[r.counts.fetched, r.counts.inserted, r.counts.updated, r.counts.unchanged, r.counts.skipped, r.apiCalls, r.throttles].map(String),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const errors = summary.results.filter((r) => r.error).map((r) => `  ${r.kind} ${r.scope}: ${r.error}`);
  const failed = summary.results.filter((r) => !r.ok).length;
  return [
    line(header),
    ...rows.map(line),
    "",
    `${summary.ok ? "Sync finished" : `Sync finished with ${failed} failed scope(s)`} in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    ...(errors.length ? ["Errors:", ...errors] : []),
  ].join("\n");
}
