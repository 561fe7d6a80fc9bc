import "server-only";
import { SimError } from "../errors";
import type { TIdentity, TState } from "../model/findings";
import type { SimData } from "../model/store";
import { baseSeverityLabel } from "../render/asff";
import { controlGeneratorId } from "../data/security-controls";
import { securityHubId } from "../render/ids";

type TStringFilter = { Value?: string; Comparison?: string };
type TGetter = (data: SimData, id: TIdentity, st: TState) => string | undefined;

const PRODUCT_NAME = { control: "Security Hub", inspector: "Inspector", guardduty: "GuardDuty" } as const;
const PRODUCT_SLUG = { control: "securityhub", inspector: "inspector", guardduty: "guardduty" } as const;

// Identity fields need no state (cheap, checked first); state fields need the finding's history.
const IDENTITY_FIELDS: Record<string, TGetter> = {
  AwsAccountId: (data, id) => data.org.accounts[id.account]?.id,
  Region: (data, id) => data.org.regions[id.region],
  ProductName: (_, id) => PRODUCT_NAME[id.kind],
  CompanyName: (_, id) => (id.kind === "control" ? "AWS" : "Amazon"),
  ProductArn: (data, id) => `arn:aws:securityhub:${data.org.regions[id.region]}::product/aws/${PRODUCT_SLUG[id.kind]}`,
  ComplianceSecurityControlId: (_, id) => id.control?.controlId,
  GeneratorId: (data, id) => (id.kind === "control" ? controlGeneratorId(data.org.accounts[id.account], id.control!) : id.kind === "inspector" ? "AWSInspector" : undefined),
  Id: (data, id) => securityHubId(data.seed, data.org, id),
};
const STATE_FIELDS: Record<string, TGetter> = {
  RecordState: (_, __, st) => st.recordState,
  WorkflowStatus: (_, __, st) => st.workflow,
  ComplianceStatus: (_, __, st) => st.compliance,
  SeverityLabel: (data, id, st) => data.overrides.get(id.i)?.severityLabel ?? baseSeverityLabel(data, id, st),
};

type TCompiled = { field: string; get: TGetter; positive: ((v: string | undefined) => boolean)[]; negative: ((v: string | undefined) => boolean)[] };

function comparator(filter: TStringFilter, field: string): { positive: boolean; test: (v: string | undefined) => boolean } {
  const value = filter.Value ?? "";
  switch (filter.Comparison) {
    case "EQUALS": return { positive: true, test: (v) => v === value };
    case "PREFIX": return { positive: true, test: (v) => v?.startsWith(value) ?? false };
    case "CONTAINS": return { positive: true, test: (v) => v?.includes(value) ?? false };
    case "NOT_EQUALS": return { positive: false, test: (v) => v !== value };
    case "PREFIX_NOT_EQUALS": return { positive: false, test: (v) => !(v?.startsWith(value) ?? false) };
    case "NOT_CONTAINS": return { positive: false, test: (v) => !(v?.includes(value) ?? false) };
    default: throw new SimError(400, "InvalidInputException", `Invalid Comparison "${filter.Comparison}" for ${field}`);
  }
}

export type TFindingFilter = {
  identity: (data: SimData, id: TIdentity) => boolean;
  state: ((data: SimData, id: TIdentity, st: TState) => boolean) | null;
  updatedFrom: number; updatedTo: number; ids: string[] | null;
};

function compile(field: string, get: TGetter, filters: unknown): TCompiled {
  if (!Array.isArray(filters)) throw new SimError(400, "InvalidInputException", `Filters.${field} must be a list of StringFilter`);
  const out: TCompiled = { field, get, positive: [], negative: [] };
  for (const f of filters as TStringFilter[]) {
    const c = comparator(f, field);
    (c.positive ? out.positive : out.negative).push(c.test);
  }
  return out;
}

function matches(c: TCompiled, value: string | undefined): boolean {
  return (c.positive.length === 0 || c.positive.some((t) => t(value))) && c.negative.every((t) => t(value));
}

function dateBound(value: unknown, field: string): number {
  const ms = Date.parse(String(value));
  if (!Number.isFinite(ms)) throw new SimError(400, "InvalidInputException", `Invalid date in ${field}: ${String(value)}`);
  return ms;
}

/** Compiles GetFindings `Filters` (string filters on the fields above, UpdatedAt date filters). */
export function compileFilters(input: unknown, now: number): TFindingFilter {
  const filters = (input ?? {}) as Record<string, unknown>;
  const identity: TCompiled[] = [];
  const state: TCompiled[] = [];
  let updatedFrom = -Infinity;
  let updatedTo = Infinity;
  let ids: string[] | null = null;
  for (const [field, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    if (field === "UpdatedAt") {
      for (const f of value as { Start?: string; End?: string; DateRange?: { Value?: number; Unit?: string } }[]) {
        if (f.DateRange) {
          if (f.DateRange.Unit !== "DAYS") throw new SimError(400, "InvalidInputException", "DateRange.Unit must be DAYS");
          updatedFrom = Math.max(updatedFrom, now - Number(f.DateRange.Value ?? 0) * 86_400_000);
        }
        if (f.Start !== undefined) updatedFrom = Math.max(updatedFrom, dateBound(f.Start, "UpdatedAt.Start"));
        if (f.End !== undefined) updatedTo = Math.min(updatedTo, dateBound(f.End, "UpdatedAt.End"));
      }
    } else if (IDENTITY_FIELDS[field]) {
      const compiled = compile(field, IDENTITY_FIELDS[field], value);
      identity.push(compiled);
      const list = value as TStringFilter[];
      if (field === "Id" && list.length > 0 && list.every((f) => f.Comparison === "EQUALS")) ids = list.map((f) => f.Value ?? "");
    } else if (STATE_FIELDS[field]) {
      state.push(compile(field, STATE_FIELDS[field], value));
    } else {
      throw new SimError(400, "InvalidInputException", `The simulator does not support the filter field ${field}`);
    }
  }
  return {
    identity: (data, id) => identity.every((c) => matches(c, c.get(data, id, undefined as unknown as TState))),
    state: state.length ? (data, id, st) => state.every((c) => matches(c, c.get(data, id, st))) : null,
    updatedFrom, updatedTo, ids,
  };
}
