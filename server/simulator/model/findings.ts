import "server-only";
import { CIS_REQUIREMENTS, CIS_STANDARD } from "../data/catalog-cis";
import { FSBP_CONTROLS, FSBP_STANDARD, type TSeverity } from "../data/catalog-fsbp";
import { GD_LOW_TYPES, GD_TYPES, type TGdType } from "../data/guardduty-types";
import { REGION_WEIGHTS, type TSimOrganization } from "../data/organization";
import { chooseWeighted, unit } from "../data/random";
import { Timeline } from "./timeline";

export type TKind = "control" | "inspector" | "guardduty";
export type TControlRef = { standard: string; generatorSuffix: string; controlId: string; title: string; severity: TSeverity; resourceType: string; global: boolean; requirement?: string };
export type TIdentity = { i: number; kind: TKind; account: number; region: number; control?: TControlRef; gd?: number };
export type TWorkflow = "NEW" | "NOTIFIED" | "RESOLVED" | "SUPPRESSED";
export type TOverride = {
  workflow?: TWorkflow; workflowAt?: number; note?: { Text: string; UpdatedBy: string; UpdatedAt: string };
  /** the last ArchiveFindings / UnarchiveFindings of a GuardDuty copy, and when */
  archive?: { archived: boolean; at: number };
  severityLabel?: string; userDefinedFields?: Record<string, string>; verificationState?: string; confidence?: number; criticality?: number;
};
export type TState = {
  createdAt: number; updatedAt: number; lastObservedAt: number; compliance?: "PASSED" | "FAILED";
  workflow: TWorkflow; recordState: "ACTIVE" | "ARCHIVED"; archived: boolean; count: number;
};

const SEVERITY_WEIGHT: Record<TSeverity, number> = { CRITICAL: 0.7, HIGH: 2.5, MEDIUM: 4, LOW: 2.5 };
export const CONTROLS: { weight: number; value: TControlRef }[] = [
  ...FSBP_CONTROLS.map((c) => ({
    weight: SEVERITY_WEIGHT[c.severity],
    value: { standard: FSBP_STANDARD, generatorSuffix: c.id, controlId: c.id, title: c.title, severity: c.severity, resourceType: c.resourceType, global: !!c.global },
  })),
  ...CIS_REQUIREMENTS.map((r) => ({
    weight: SEVERITY_WEIGHT[r.severity] * 0.6,
    value: { standard: CIS_STANDARD, generatorSuffix: r.id, controlId: r.controlId, title: r.title, severity: r.severity, resourceType: r.resourceType, global: !!r.global, requirement: r.id },
  })),
];
const REGION_CHOICES = REGION_WEIGHTS.map((weight, value) => ({ weight, value }));
const GD_CHOICES = GD_TYPES.map((t) => ({ weight: t.weight, value: t }));
const GD_LOW_CHOICES = GD_LOW_TYPES.map((t) => ({ weight: t.weight, value: t }));

/** GuardDuty finding j ↔ Security Hub copy i: copies are i = 10k+9, j = k + ⌊k/4⌋; j = 5m+4 is LOW, native only. */
export function gdOfCopy(i: number): number {
  const k = (i - 9) / 10;
  return k + Math.floor(k / 4);
}
export function copyOfGd(j: number): number | null {
  if (j % 5 === 4) return null;
  const k = j - Math.floor(j / 5);
  return 10 * k + 9;
}

export class FindingModel {
  constructor(readonly seed: number, readonly timeline: Timeline, readonly org: TSimOrganization) {}

  identity(i: number): TIdentity {
    const s = this.seed;
    const account = chooseWeighted(this.org.accountWeights, s, 101, i);
    if (i % 10 === 9) return { i, kind: "guardduty", account, region: chooseWeighted(REGION_CHOICES, s, 102, i), gd: gdOfCopy(i) };
    if (unit(s, 103, i) < 7 / 9) {
      const control = chooseWeighted(CONTROLS, s, 104, i);
      return { i, kind: "control", account, region: control.global ? 0 : chooseWeighted(REGION_CHOICES, s, 102, i), control };
    }
    return { i, kind: "inspector", account, region: chooseWeighted(REGION_CHOICES, s, 102, i) };
  }

  /** Native GuardDuty finding j: its account, region, type and (for MEDIUM and above) its Security Hub copy. */
  gdIdentity(j: number): { j: number; copy: number | null; account: number; region: number; type: TGdType } {
    const copy = copyOfGd(j);
    if (copy !== null) {
      const id = this.identity(copy);
      return { j, copy, account: id.account, region: id.region, type: chooseWeighted(GD_CHOICES, this.seed, 201, j) };
    }
    const s = this.seed;
    return { j, copy: null, account: chooseWeighted(this.org.accountWeights, s, 202, j), region: chooseWeighted(REGION_CHOICES, s, 203, j), type: chooseWeighted(GD_LOW_CHOICES, s, 201, j) };
  }

  /** Base time of native-only GuardDuty finding j = 5m+4: just after its neighbouring copy. */
  gdLowTime(m: number): number {
    return this.timeline.baseTime(10 * (4 * m + 3) + 9) + 1;
  }

  /** The state of finding i at time t: a pure function of (seed, i, t) plus its override, if any. */
  state(id: TIdentity, t: number, override?: TOverride): TState {
    const s = this.seed;
    const i = id.i;
    const base = this.timeline.baseTime(i);
    const st: TState = {
      createdAt: base - Math.floor(unit(s, 301, i) * 20 * 86_400_000),
      updatedAt: base, lastObservedAt: base, workflow: "NEW", recordState: "ACTIVE", archived: false,
      count: 1 + Math.floor(unit(s, 302, i) * 20),
    };
    const w = unit(s, 303, i);
    const initialWorkflow: TWorkflow = w < 0.72 ? "NEW" : w < 0.93 ? "NOTIFIED" : "SUPPRESSED";
    if (id.kind === "control") {
      st.compliance = unit(s, 304, i) < 0.45 ? "FAILED" : "PASSED";
      st.workflow = st.compliance === "PASSED" ? "RESOLVED" : initialWorkflow;
    } else if (id.kind === "inspector") {
      const archived = unit(s, 304, i) < 0.15;
      st.recordState = archived ? "ARCHIVED" : "ACTIVE";
      st.workflow = archived ? "RESOLVED" : initialWorkflow;
    } else {
      st.archived = unit(s, 304, i) < 0.08;
      st.recordState = st.archived ? "ARCHIVED" : "ACTIVE";
      st.workflow = initialWorkflow === "SUPPRESSED" ? "NOTIFIED" : initialWorkflow;
    }
    let workflowPending = override?.workflow !== undefined;
    let archivePending = override?.archive !== undefined;
    const applyOverrides = (before: number) => {
      if (workflowPending && (override?.workflowAt ?? 0) < before) {
        st.workflow = override?.workflow as TWorkflow;
        workflowPending = false;
      }
      if (archivePending && override?.archive && override.archive.at < before) {
        st.archived = override.archive.archived;
        st.recordState = st.archived ? "ARCHIVED" : "ACTIVE";
        archivePending = false;
      }
    };
    for (const event of this.timeline.events(i, t)) {
      applyOverrides(event.time);
      this.applyEvent(id, st, unit(s, 305, i, event.d));
      st.updatedAt = st.lastObservedAt = event.time;
    }
    applyOverrides(Infinity);
    return st;
  }

  private applyEvent(id: TIdentity, st: TState, r: number): void {
    const keepSuppressed = (next: TWorkflow) => (st.workflow === "SUPPRESSED" ? "SUPPRESSED" : next);
    if (id.kind === "control") {
      if (r < 0.35) {
        st.compliance = st.compliance === "FAILED" ? "PASSED" : "FAILED";
        st.workflow = keepSuppressed(st.compliance === "PASSED" ? "RESOLVED" : "NEW");
      }
    } else if (id.kind === "inspector") {
      if (r < 0.3) {
        const reopen = st.recordState === "ARCHIVED";
        st.recordState = reopen ? "ACTIVE" : "ARCHIVED";
        if (reopen) st.workflow = keepSuppressed("NEW");
      }
    } else {
      if (!st.archived && r < 0.2) {
        st.archived = true;
        st.recordState = "ARCHIVED";
      } else {
        st.count += 1 + Math.floor(r * 10);
      }
    }
  }
}
