// Compliance score contracts and query schemas. Pure: safe to import from client components.
import { z } from "zod";
import { STANDARDS, type TStandardKey } from "@/server/findings/findings.types";
import type { TSeverity } from "@/server/findings/severity.types";

export const STANDARD_KEYS = Object.keys(STANDARDS) as TStandardKey[];
/** Security Hub's control statuses (Disabled controls produce no active findings and are not listed). */
export const CONTROL_STATUSES = ["PASSED", "FAILED", "UNKNOWN", "NO_DATA"] as const;
export type TControlStatus = (typeof CONTROL_STATUSES)[number];
export type TScopeType = "org" | "ou" | "account";

/** Control figures of one scope and standard; score in percent (passed / controls with data), null without data. */
export type TScoreFigures = { passed: number; failed: number; unknown: number; noData: number; score: number | null };

export type TAccountScores = { id: string; name: string; ouId: string | null; scores: Partial<Record<TStandardKey, TScoreFigures>> };
export type TOuScores = { id: string; name: string; parentId: string | null; scores: Partial<Record<TStandardKey, TScoreFigures>> };
/** GET /api/compliance/scores: the heatmap (accounts × standards), OUs (with their sub-OUs) and the organization. */
export type TComplianceScores = {
  computedAt: string;
  standards: TStandardKey[];
  org: Partial<Record<TStandardKey, TScoreFigures>>;
  ous: TOuScores[];
  accounts: TAccountScores[];
};

export type TTrendPoint = { day: string; score: number | null; passed: number; failed: number; unknown: number; noData: number; live?: boolean };
/** GET /api/compliance/trend: daily points per standard; today is computed live when its snapshot is missing. */
export type TComplianceTrend = { from: string; to: string; scopeType: TScopeType; scopeId: string; series: Record<TStandardKey, TTrendPoint[]> };

export type TFailingControl = {
  controlId: string;
  title: string;
  severity: TSeverity;
  failedAccounts: number;
  failedFindings: number;
  /** the findings list behind the control in this scope */
  findingsHref: string;
};
/** GET /api/compliance/controls: the failing controls of a scope and standard. */
export type TFailingControls = { standard: TStandardKey; scopeType: TScopeType; scopeId: string; figures: TScoreFigures; controls: TFailingControl[] };

const ZAccountId = z.string().trim().regex(/^\d{12}$/, "account must be a 12-digit AWS account id");
const ZOuId = z.string().trim().regex(/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, "ou must be an OU id (ou-…) or the root id (r-…)");
const ZStandard = z.enum(STANDARD_KEYS as [TStandardKey, ...TStandardKey[]], { message: `standard must be one of ${STANDARD_KEYS.join(", ")}` });

const scope = { account: ZAccountId.optional(), ou: ZOuId.optional() };
const oneScope = (q: { account?: string; ou?: string }) => !(q.account && q.ou);
const ONE_SCOPE = { message: "give account or ou, not both", path: ["account"] };

export const ZTrendQuery = z.strictObject({ ...scope, standard: ZStandard.optional(), weeks: z.coerce.number().int().min(1, "weeks must be at least 1").max(104, "weeks must be at most 104").default(12) }).refine(oneScope, ONE_SCOPE);
export type TTrendQuery = z.infer<typeof ZTrendQuery>;
export const ZControlsQuery = z.strictObject({ ...scope, standard: ZStandard.default("fsbp") }).refine(oneScope, ONE_SCOPE);
export type TControlsQuery = z.infer<typeof ZControlsQuery>;
export const ZScoresQuery = z.strictObject({ ou: ZOuId.optional() });
export const ZSnapshotBody = z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "day must be YYYY-MM-DD").optional() });

export function scopeOf(q: { account?: string; ou?: string }): { scopeType: TScopeType; scopeId: string } {
  if (q.account) return { scopeType: "account", scopeId: q.account };
  if (q.ou) return { scopeType: "ou", scopeId: q.ou };
  return { scopeType: "org", scopeId: "" };
}

/**
 * The findings list of a control in a scope: exactly its failed findings as list-failing-controls.ts counts them — FAILED,
 * active and not suppressed, whatever else their workflow status (a FAILED finding resolved by hand still fails).
 */
export function controlFindingsHref(controlId: string, standard: TStandardKey, q: { account?: string; ou?: string }): string {
  const p = new URLSearchParams({ control: controlId, standard, compliance: "FAILED", record: "active", status: "NEW,NOTIFIED,RESOLVED", severity: "all" });
  if (q.account) p.set("account", q.account);
  if (q.ou) p.set("ou", q.ou);
  return `/findings?${p}`;
}

/** The Compliance page's URL: scope (ou or account), standard, view=controls for the drill-down. */
export const ZPageParams = z.object({ ...scope, standard: ZStandard.optional(), view: z.enum(["controls"], { message: "view must be controls" }).optional() }).refine(oneScope, ONE_SCOPE);
export type TPageParams = z.infer<typeof ZPageParams>;

/** The page URL of a scope's drill-down (or of the scope alone without a standard). */
export function complianceHref(q: { account?: string; ou?: string; standard?: TStandardKey; view?: "controls" }): string {
  const p = new URLSearchParams();
  if (q.ou) p.set("ou", q.ou);
  if (q.account) p.set("account", q.account);
  if (q.standard) p.set("standard", q.standard);
  if (q.view) p.set("view", q.view);
  const s = p.toString();
  return s ? `/compliance?${s}` : "/compliance";
}
