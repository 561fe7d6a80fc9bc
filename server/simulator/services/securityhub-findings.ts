import "server-only";
import { SimError } from "../errors";
import { unprocessedFault } from "../faults";
import { decodeKey, encodeKey, scan, securityHubStreams } from "../model/enumerate";
import type { TIdentity, TState, TWorkflow } from "../model/findings";
import { json, type TResponse } from "../protocols/rest-json";
import { renderAsff } from "../render/asff";
import { parseJsonBody, type SimRuntime, type TRequest } from "../runtime";
import { compileFilters } from "./securityhub-filters";

const SCAN_BUDGET = 50_000; // candidates per call before returning a partial page with a NextToken
const WORKFLOWS = new Set(["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"]);
const invalid = (message: string) => new SimError(400, "InvalidInputException", message);

/** Which findings the caller may see: everything for the administrator in the aggregation region. */
function scopeOf(req: TRequest, rt: SimRuntime): (id: TIdentity) => boolean {
  const region = rt.regionIndex(req.caller.region);
  if (rt.isAdmin(req) && region === 0) return () => true;
  const account = req.caller.account.index;
  return (id) => id.account === account && id.region === region;
}

/** Renders every finding visible at the current clock time into the cache (benchmarks, before timing). */
export function warmFindings(rt: SimRuntime): number {
  const now = rt.now();
  const data = rt.data;
  const count = data.securityHubCount(now);
  for (let i = 0; i < count; i++) {
    data.renderedAsff(i, now, () => {
      const id = data.model.identity(i);
      return renderAsff(data, id, data.shState(id, now));
    });
  }
  return count;
}

export function getFindings(req: TRequest, rt: SimRuntime): TResponse {
  const input = parseJsonBody(req.body);
  const max = input.MaxResults === undefined ? 100 : Number(input.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw invalid("MaxResults must be between 1 and 100");
  const now = rt.now();
  const data = rt.data;
  const filter = compileFilters(input.Filters, now);
  const inScope = scopeOf(req, rt);
  const sort = (input.SortCriteria as { Field?: string; SortOrder?: string }[] | undefined)?.[0];
  const dir = sort?.Field === "UpdatedAt" && sort.SortOrder === "desc" ? -1 : 1;
  const cache = new Map<number, { id: TIdentity; st?: TState }>();
  const identity = (i: number) => {
    let entry = cache.get(i);
    if (!entry) cache.set(i, (entry = { id: data.model.identity(i) }));
    return entry;
  };
  const stateOf = (i: number) => {
    const entry = identity(i);
    return (entry.st ??= data.shState(entry.id, now));
  };

  if (filter.ids && !input.NextToken) {
    const found = filter.ids.map((id) => data.findSecurityHub(id, now)).filter((i): i is number => i !== null);
    const page = found.filter((i) => {
      const id = identity(i).id;
      return inScope(id) && filter.identity(data, id) && (!filter.state || filter.state(data, id, stateOf(i)));
    });
    return json({ Findings: page.slice(0, max).map((i) => renderAsff(data, identity(i).id, stateOf(i))) });
  }

  let after = null;
  if (input.NextToken !== undefined && input.NextToken !== "") {
    after = decodeKey(String(input.NextToken));
    if (!after) throw invalid("The NextToken is invalid");
  }
  const result = scan({
    streams: securityHubStreams(data.timeline, now), dir, after, tLo: filter.updatedFrom, tHi: Math.min(filter.updatedTo, now),
    limit: max + 1, budget: SCAN_BUDGET,
    accept: (i) => {
      const id = identity(i).id;
      return inScope(id) && filter.identity(data, id);
    },
    post: filter.state ? (i) => (filter.state as NonNullable<typeof filter.state>)(data, identity(i).id, stateOf(i)) : undefined,
  });
  const page = result.hits.slice(0, max);
  const next = result.hits.length > max ? (page[page.length - 1]?.key ?? null) : result.resume;
  const findings = page.map((hit) => data.renderedAsff(hit.i, now, () => renderAsff(data, identity(hit.i).id, stateOf(hit.i))));
  const body = `{"Findings":[${findings.join(",")}]${next ? `,"NextToken":${JSON.stringify(encodeKey(next))}` : ""}}`;
  return { status: 200, headers: { "content-type": "application/json" }, body };
}

type TIdentifier = { Id?: string; ProductArn?: string };
type TUnprocessed = { FindingIdentifier: TIdentifier; ErrorCode: string; ErrorMessage: string };

/** Which findings the caller may update: the administrator its region's (all from the aggregation region), a member its own. */
function writeScopeOf(req: TRequest, rt: SimRuntime): (id: TIdentity) => boolean {
  const region = rt.regionIndex(req.caller.region);
  if (rt.isAdmin(req)) return region === 0 ? () => true : (id) => id.region === region;
  const account = req.caller.account.index;
  return (id) => id.account === account && id.region === region;
}

/** The request's validation, as AWS answers it: InvalidInputException for the whole call. */
function readUpdate(input: Record<string, unknown>) {
  const identifiers = input.FindingIdentifiers as TIdentifier[] | undefined;
  if (!Array.isArray(identifiers) || identifiers.length < 1 || identifiers.length > 100) {
    throw invalid("FindingIdentifiers must contain between 1 and 100 items");
  }
  if (identifiers.some((f) => typeof f?.Id !== "string" || !f.Id || typeof f.ProductArn !== "string" || !f.ProductArn)) {
    throw invalid("Each FindingIdentifier requires Id and ProductArn");
  }
  const workflow = (input.Workflow as { Status?: string } | undefined)?.Status;
  if (workflow !== undefined && !WORKFLOWS.has(workflow)) throw invalid(`Invalid Workflow.Status ${workflow}`);
  const note = input.Note as { Text?: string; UpdatedBy?: string } | undefined;
  if (note && (!note.Text || !note.UpdatedBy || note.Text.length > 512)) throw invalid("Note requires Text (at most 512 characters) and UpdatedBy");
  const fields = input.UserDefinedFields as Record<string, unknown> | undefined;
  if (fields !== undefined) {
    const entries = typeof fields === "object" && fields !== null ? Object.entries(fields) : null;
    if (!entries || entries.length > 50 || entries.some(([k, v]) => !k || k.length > 128 || typeof v !== "string" || v.length > 1024)) {
      throw invalid("UserDefinedFields takes up to 50 string pairs: keys up to 128 characters, values up to 1024");
    }
  }
  return { identifiers, workflow: workflow as TWorkflow | undefined, note, fields: fields as Record<string, string> | undefined };
}

/** BatchUpdateFindings: workflow, note, severity, user-defined fields; never touches UpdatedAt. */
export function batchUpdateFindings(req: TRequest, rt: SimRuntime): TResponse {
  const input = parseJsonBody(req.body);
  const { identifiers, workflow, note, fields } = readUpdate(input);
  const severity = input.Severity as { Label?: string } | undefined;
  const now = rt.now();
  const data = rt.data;
  const inScope = writeScopeOf(req, rt);
  const first = rt.countWrites("SecurityHub.BatchUpdateFindings", identifiers.length);
  const seen = new Set<string>();
  const processed: TIdentifier[] = [];
  const unprocessed: TUnprocessed[] = [];
  identifiers.forEach((identifier, n) => {
    const fail = (ErrorCode: string, ErrorMessage: string) => unprocessed.push({ FindingIdentifier: identifier, ErrorCode, ErrorMessage });
    const key = `${identifier.ProductArn}|${identifier.Id}`;
    if (seen.has(key)) return fail("DuplicatedFindingIdentifier", "Finding Identifier is duplicated");
    seen.add(key);
    const i = data.findSecurityHub(identifier.Id as string, now);
    const id = i === null ? null : data.model.identity(i);
    const productArn = id ? `arn:aws:securityhub:${data.org.regions[id.region]}::product/aws/${id.kind === "control" ? "securityhub" : id.kind}` : null;
    if (i === null || !id || !inScope(id) || productArn !== identifier.ProductArn) return fail("FindingNotFound", "Finding Not Found");
    if (unprocessedFault(rt.faults, rt.seed, first + n, identifier.Id)) return fail("InternalFailure", "Internal service failure");
    const o = data.override(i);
    if (workflow) Object.assign(o, { workflow, workflowAt: now });
    if (note) o.note = { Text: note.Text as string, UpdatedBy: note.UpdatedBy as string, UpdatedAt: new Date(now).toISOString() };
    if (severity?.Label) o.severityLabel = severity.Label;
    if (fields) o.userDefinedFields = { ...o.userDefinedFields, ...fields };
    if (typeof input.VerificationState === "string") o.verificationState = input.VerificationState;
    if (typeof input.Confidence === "number") o.confidence = input.Confidence;
    if (typeof input.Criticality === "number") o.criticality = input.Criticality;
    processed.push({ Id: identifier.Id, ProductArn: identifier.ProductArn });
  });
  return json({ ProcessedFindings: processed, UnprocessedFindings: unprocessed });
}
