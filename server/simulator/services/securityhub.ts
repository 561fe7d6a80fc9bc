import "server-only";
import { CIS_REQUIREMENTS, CIS_STANDARD } from "../data/catalog-cis";
import { baselineOf } from "../data/baseline";
import { FSBP_CONTROLS, FSBP_STANDARD, remediationUrl } from "../data/catalog-fsbp";
import { hash, hex } from "../data/random";
import { SimError } from "../errors";
import { json, type TResponse } from "../protocols/rest-json";
import { parseJsonBody, type SimRuntime, type TRequest, type TService } from "../runtime";
import { batchUpdateFindings, getFindings } from "./securityhub-findings";

const STANDARDS = [FSBP_STANDARD, CIS_STANDARD];
const ROUTES: [string, RegExp, string][] = [
  ["POST", /^\/findings$/, "GetFindings"],
  ["PATCH", /^\/findings\/batchupdate$/, "BatchUpdateFindings"],
  ["POST", /^\/standards\/get$/, "GetEnabledStandards"],
  ["GET", /^\/standards\/controls\/.+/, "DescribeStandardsControls"],
  ["GET", /^\/findingAggregator\/list$/, "ListFindingAggregators"],
  ["GET", /^\/findingAggregator\/get\/.+/, "GetFindingAggregator"],
  ["GET", /^\/accounts\/administrator$/, "GetAdministratorAccount"],
  ["GET", /^\/accounts$/, "DescribeHub"],
];

function aggregatorArn(rt: SimRuntime): string {
  const h = hex(32, rt.seed, 801);
  return `arn:aws:securityhub:${rt.data.org.regions[0]}:${rt.data.org.adminAccountId}:finding-aggregator/${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function getEnabledStandards(req: TRequest, rt: SimRuntime): TResponse {
  const input = parseJsonBody(req.body);
  if (rt.regionIndex(req.caller.region) < 0) return json({ StandardsSubscriptions: [] });
  const wanted = input.StandardsSubscriptionArns as string[] | undefined;
  // The account baseline (data/baseline.ts): some members never subscribed to CIS.
  const cisMissing = baselineOf(rt.seed, rt.data.org, req.caller.account).cisMissing;
  const subscriptions = STANDARDS.filter((standard) => !(cisMissing && standard === CIS_STANDARD)).map((standard) => ({
    StandardsSubscriptionArn: `arn:aws:securityhub:${req.caller.region}:${req.caller.account.id}:subscription/${standard}`,
    StandardsArn: `arn:aws:securityhub:${req.caller.region}::standards/${standard}`,
    StandardsInput: {}, StandardsStatus: "READY", StandardsControlsUpdatable: "READY_FOR_UPDATES",
  })).filter((s) => !wanted?.length || wanted.includes(s.StandardsSubscriptionArn));
  return json({ StandardsSubscriptions: subscriptions });
}

/** DescribeHub: every account of the organization has Security Hub on in the organization's regions. */
function describeHub(req: TRequest, rt: SimRuntime): TResponse {
  const region = rt.regionIndex(req.caller.region);
  const account = req.caller.account;
  const hubArn = `arn:aws:securityhub:${req.caller.region}:${account.id}:hub/default`;
  const asked = req.query.get("HubArn");
  if (region < 0 || account.status !== "ACTIVE") throw new SimError(401, "InvalidAccessException", `Account ${account.id} is not subscribed to AWS Security Hub`);
  if (asked && asked !== hubArn) throw new SimError(404, "ResourceNotFoundException", `Hub ${asked} not found`);
  const subscribed = new Date(Date.UTC(2022, 0, 10) + (hash(rt.seed, 7540, account.index, region) % 500) * 86_400_000).toISOString();
  return json({ HubArn: hubArn, SubscribedAt: subscribed, AutoEnableControls: true, ControlFindingGenerator: account.controlFindingGenerator });
}

function describeStandardsControls(req: TRequest, rt: SimRuntime): TResponse {
  const arn = decodeURIComponent(req.path.slice("/standards/controls/".length));
  const match = /^arn:aws:securityhub:([a-z0-9-]+):(\d{12}):subscription\/(.+)$/.exec(arn);
  const account = match ? rt.data.org.accounts.find((a) => a.id === match[2]) : undefined;
  const standard = match?.[3] ?? "";
  if (!match || !account || !STANDARDS.includes(standard)) throw new SimError(404, "ResourceNotFoundException", `Standards subscription ${arn} not found`);
  if (req.caller.assumed && account.id !== req.caller.account.id) throw new SimError(401, "InvalidAccessException", `Account ${req.caller.account.id} cannot read ${arn}`);
  const region = match[1] as string;
  const max = Number(req.query.get("MaxResults") ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw new SimError(400, "InvalidInputException", "MaxResults must be between 1 and 100");
  const offset = Number(req.query.get("NextToken") ? Buffer.from(req.query.get("NextToken") as string, "base64url").toString() : 0);
  if (!Number.isInteger(offset) || offset < 0) throw new SimError(400, "InvalidInputException", "The NextToken is invalid");
  const catalog = standard === FSBP_STANDARD
    ? FSBP_CONTROLS.map((c) => ({ id: c.id, controlId: c.id, title: c.title, severity: c.severity, requirements: [] as string[] }))
    : CIS_REQUIREMENTS.map((r) => ({ id: r.id, controlId: r.controlId, title: r.title, severity: r.severity, requirements: [`CIS AWS Foundations ${r.id}`] }));
  const regionIndex = Math.max(0, rt.regionIndex(region));
  const controls = catalog.slice(offset, offset + max).map((c, n) => {
    const disabled = hash(rt.seed, 802, account.index, regionIndex, offset + n) % 100 < 6;
    return {
      StandardsControlArn: `arn:aws:securityhub:${region}:${account.id}:control/${standard}/${c.id}`,
      ControlStatus: disabled ? "DISABLED" : "ENABLED",
      ...(disabled ? { DisabledReason: "Not applicable: the resource type is not used in this account" } : {}),
      ControlStatusUpdatedAt: new Date(rt.data.timeline.startMs - 200 * 86_400_000).toISOString(),
      ControlId: c.id, Title: c.title, Description: `Checks: ${c.title}.`, RemediationUrl: remediationUrl(c.controlId),
      SeverityRating: c.severity, RelatedRequirements: c.requirements,
    };
  });
  const nextOffset = offset + max;
  return json({ Controls: controls, ...(nextOffset < catalog.length ? { NextToken: Buffer.from(String(nextOffset)).toString("base64url") } : {}) });
}

export const securityHub: TService = {
  label: "SecurityHub",
  operation: (req) => ROUTES.find(([method, path]) => method === req.method && path.test(req.path))?.[2] ?? null,
  handle(operation, req, rt) {
    switch (operation) {
      case "GetFindings": return getFindings(req, rt);
      case "BatchUpdateFindings": return batchUpdateFindings(req, rt);
      case "GetEnabledStandards": return getEnabledStandards(req, rt);
      case "DescribeHub": return describeHub(req, rt);
      case "DescribeStandardsControls": return describeStandardsControls(req, rt);
      case "ListFindingAggregators":
        return json({ FindingAggregators: rt.isAdmin(req) ? [{ FindingAggregatorArn: aggregatorArn(rt) }] : [] });
      case "GetFindingAggregator": {
        const arn = decodeURIComponent(req.path.slice("/findingAggregator/get/".length));
        if (!rt.isAdmin(req) || arn !== aggregatorArn(rt)) throw new SimError(404, "ResourceNotFoundException", `Finding aggregator ${arn} not found`);
        const regions = rt.data.org.regions;
        return json({ FindingAggregatorArn: arn, FindingAggregationRegion: regions[0], RegionLinkingMode: "ALL_REGIONS", Regions: regions.slice(1) });
      }
      case "GetAdministratorAccount": {
        if (req.caller.account.id === rt.data.org.adminAccountId) return json({});
        return json({ Administrator: { AccountId: rt.data.org.adminAccountId, InvitationId: hex(32, rt.seed, 803), MemberStatus: "Enabled" } });
      }
      default: throw new SimError(404, "ResourceNotFoundException", `Unknown operation ${operation}`);
    }
  },
};
