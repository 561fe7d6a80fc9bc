import "server-only";
import { baselineOf, type TDetectorState } from "../data/baseline";
import { SimError } from "../errors";
import { decodeKey, encodeKey, scan, securityHubStreams, type TStream } from "../model/enumerate";
import { gdOfCopy } from "../model/findings";
import type { TGdView } from "../model/store";
import { json, type TResponse } from "../protocols/rest-json";
import { renderGuardDuty } from "../render/guardduty";
import { detectorId, gdFindingId } from "../render/ids";
import { parseJsonBody, type SimRuntime, type TRequest, type TService } from "../runtime";

const SCAN_BUDGET = 100_000;
const bad = (message: string) => new SimError(400, "BadRequestException", message);
const ROUTES: [string, RegExp, string][] = [
  ["GET", /^\/detector$/, "ListDetectors"],
  ["POST", /^\/detector\/[^/]+\/findings$/, "ListFindings"],
  ["POST", /^\/detector\/[^/]+\/findings\/get$/, "GetFindings"],
  ["POST", /^\/detector\/[^/]+\/findings\/archive$/, "ArchiveFindings"],
  ["POST", /^\/detector\/[^/]+\/findings\/unarchive$/, "UnarchiveFindings"],
  ["GET", /^\/detector\/[^/]+$/, "GetDetector"],
  ["GET", /^\/admin$/, "ListOrganizationAdminAccounts"],
];

type TCondition = Record<string, unknown>;

/** The account baseline (data/baseline.ts): a few members have their detector suspended, or none, in one region. */
function detectorState(req: TRequest, rt: SimRuntime): TDetectorState {
  return baselineOf(rt.seed, rt.data.org, req.caller.account).detector[rt.regionIndex(req.caller.region)] ?? "ENABLED";
}

/** The caller's detector: the administrator's detector sees every member in its region. */
function detectorScope(req: TRequest, rt: SimRuntime): (v: { account: number; region: number }) => boolean {
  const region = rt.regionIndex(req.caller.region);
  const id = decodeURIComponent(req.path.split("/")[2] ?? "");
  if (region < 0 || id !== detectorId(rt.seed, req.caller.account.index, region)) {
    throw bad("The request is rejected because the input detectorId is not owned by the current account.");
  }
  if (rt.isAdmin(req)) return (v) => v.region === region;
  return (v) => v.region === region && v.account === req.caller.account.index;
}

function numberBound(c: TCondition, names: string[]): number | undefined {
  for (const name of names) if (c[name] !== undefined) return Number(c[name]);
  return undefined;
}

/** Compiles findingCriteria.criterion into a time range and a predicate on the finding's view. */
function compileCriteria(input: Record<string, unknown>, rt: SimRuntime) {
  const criterion = ((input.findingCriteria as { criterion?: Record<string, TCondition> } | undefined)?.criterion ?? {});
  let tLo = -Infinity;
  let tHi = Infinity;
  const tests: ((v: TGdView) => boolean)[] = [];
  for (const [field, c] of Object.entries(criterion)) {
    const eq = (c.eq ?? c.equals) as string[] | undefined;
    const neq = (c.neq ?? c.notEquals) as string[] | undefined;
    const gte = numberBound(c, ["gte", "greaterThanOrEqual"]);
    const gt = numberBound(c, ["gt", "greaterThan"]);
    const lte = numberBound(c, ["lte", "lessThanOrEqual"]);
    const lt = numberBound(c, ["lt", "lessThan"]);
    const strings = (get: (v: TGdView) => string) => {
      if (eq) tests.push((v) => eq.includes(get(v)));
      if (neq) tests.push((v) => !neq.includes(get(v)));
    };
    const numbers = (get: (v: TGdView) => number) => {
      if (gte !== undefined) tests.push((v) => get(v) >= gte);
      if (gt !== undefined) tests.push((v) => get(v) > gt);
      if (lte !== undefined) tests.push((v) => get(v) <= lte);
      if (lt !== undefined) tests.push((v) => get(v) < lt);
    };
    switch (field) {
      case "updatedAt":
        if (gte !== undefined) tLo = Math.max(tLo, gte);
        if (gt !== undefined) tLo = Math.max(tLo, gt + 1);
        if (lte !== undefined) tHi = Math.min(tHi, lte);
        if (lt !== undefined) tHi = Math.min(tHi, lt - 1);
        break;
      case "service.archived": strings((v) => String(v.archived)); break;
      case "accountId": strings((v) => rt.data.org.accounts[v.account]?.id ?? ""); break;
      case "type": strings((v) => v.type.type); break;
      case "id": strings((v) => gdFindingId(rt.seed, v.j)); break;
      case "severity": numbers((v) => v.type.severity); break;
      default: throw bad(`The simulator does not support the criterion ${field}`);
    }
  }
  return { tLo, tHi, test: (v: TGdView) => tests.every((t) => t(v)) };
}

function listFindings(req: TRequest, rt: SimRuntime): TResponse {
  const inScope = detectorScope(req, rt);
  const input = parseJsonBody(req.body);
  const max = input.maxResults === undefined ? 50 : Number(input.maxResults);
  if (!Number.isInteger(max) || max < 1 || max > 50) throw bad("The request is rejected because the value of maxResults must be between 1 and 50.");
  const sort = input.sortCriteria as { attributeName?: string; orderBy?: string } | undefined;
  if (sort?.attributeName && sort.attributeName !== "updatedAt") throw bad(`The simulator sorts by updatedAt only, not ${sort.attributeName}`);
  const dir = sort?.orderBy === "DESC" ? -1 : 1;
  const now = rt.now();
  const data = rt.data;
  const criteria = compileCriteria(input, rt);
  let after = null;
  if (input.nextToken) {
    after = decodeKey(String(input.nextToken));
    if (!after) throw bad("The request is rejected because the nextToken is invalid.");
  }
  // Stream 0: the LOW findings that exist only in GuardDuty; the others mirror their Security Hub copy.
  const low: TStream = { s: 0, size: data.gdLowCount(now), timeOf: (m) => data.model.gdLowTime(m), indexOf: (m) => m, current: () => true };
  const gdIndex = (i: number, s: number) => (s === 0 ? 5 * i + 4 : gdOfCopy(i));
  const result = scan({
    streams: [low, ...securityHubStreams(data.timeline, now)], dir, after, tLo: criteria.tLo, tHi: Math.min(criteria.tHi, now),
    limit: max + 1, budget: SCAN_BUDGET,
    accept: (i, s) => (s === 0 || i % 10 === 9) && inScope(data.model.gdIdentity(gdIndex(i, s))),
    post: (i, s) => criteria.test(data.gdView(gdIndex(i, s), now)),
  });
  const page = result.hits.slice(0, max);
  const next = result.hits.length > max ? (page[page.length - 1]?.key ?? null) : result.resume;
  return json({ findingIds: page.map((h) => gdFindingId(rt.seed, gdIndex(h.i, h.s))), ...(next ? { nextToken: encodeKey(next) } : {}) });
}

function findingIds(input: Record<string, unknown>): string[] {
  const ids = input.findingIds;
  if (!Array.isArray(ids) || ids.length > 50) throw bad("The request is rejected because findingIds must contain at most 50 items.");
  return ids.map(String);
}

function getFindings(req: TRequest, rt: SimRuntime): TResponse {
  const inScope = detectorScope(req, rt);
  const input = parseJsonBody(req.body);
  const now = rt.now();
  const views = findingIds(input)
    .map((id) => rt.data.findGuardDuty(id, now))
    .filter((j): j is number => j !== null)
    .map((j) => rt.data.gdView(j, now))
    .filter(inScope);
  const sort = input.sortCriteria as { orderBy?: string } | undefined;
  if (sort) views.sort((a, b) => (a.updatedAt - b.updatedAt) * (sort.orderBy === "DESC" ? -1 : 1));
  return json({ findings: views.map((v) => renderGuardDuty(rt.data, v)) });
}

/**
 * ArchiveFindings / UnarchiveFindings: only the administrator account may (AWS: "Member accounts don't
 * have permission to archive findings"). Ids the detector does not see are ignored; updatedAt stays.
 */
function setArchived(operation: string, req: TRequest, rt: SimRuntime, archived: boolean): TResponse {
  const inScope = detectorScope(req, rt);
  if (req.caller.account.id !== rt.data.org.adminAccountId) {
    throw bad(`The request is rejected because the current account is a GuardDuty member account; only the administrator account ${rt.data.org.adminAccountId} can ${archived ? "archive" : "unarchive"} findings.`);
  }
  const ids = findingIds(parseJsonBody(req.body));
  rt.countWrites(`GuardDuty.${operation}`, ids.length);
  const now = rt.now();
  for (const id of ids) {
    const j = rt.data.findGuardDuty(id, now);
    if (j !== null && inScope(rt.data.gdView(j, now))) rt.data.setGdArchived(j, archived, now);
  }
  return json({});
}

export const guardDuty: TService = {
  label: "GuardDuty",
  operation: (req) => ROUTES.find(([method, path]) => method === req.method && path.test(req.path))?.[2] ?? null,
  handle(operation, req, rt) {
    const region = rt.regionIndex(req.caller.region);
    switch (operation) {
      case "ListDetectors": return json({ detectorIds: region < 0 || detectorState(req, rt) === "ABSENT" ? [] : [detectorId(rt.seed, req.caller.account.index, region)] });
      case "ListFindings": return listFindings(req, rt);
      case "GetFindings": return getFindings(req, rt);
      case "ArchiveFindings": return setArchived(operation, req, rt, true);
      case "UnarchiveFindings": return setArchived(operation, req, rt, false);
      case "GetDetector": {
        detectorScope(req, rt);
        const state = detectorState(req, rt);
        if (state === "ABSENT") throw bad("The request is rejected because the input detectorId is not owned by the current account.");
        const created = new Date(rt.data.timeline.startMs - 400 * 86_400_000).toISOString();
        return json({ status: state, serviceRole: `arn:aws:iam::${req.caller.account.id}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`, createdAt: created, updatedAt: created, findingPublishingFrequency: "FIFTEEN_MINUTES", tags: {} });
      }
      case "ListOrganizationAdminAccounts": return json({ adminAccounts: [{ adminAccountId: rt.data.org.adminAccountId, adminStatus: "ENABLED" }] });
      default: throw bad(`Unknown operation ${operation}`);
    }
  },
};
