import "server-only";
import type { TSimAccount } from "../data/organization";
import { hex } from "../data/random";
import {
  buildFleet, customBaselineId, defaultBaselineId, hasAssociation, patchStateAt, SSM_PLATFORMS, type TSsmAssociationKind, type TSsmInstance,
} from "../data/ssm";
import { SimError } from "../errors";
import { awsJson } from "../protocols/aws-json";
import { parseJsonBody, type SimRuntime, type TRequest, type TService } from "../runtime";

const PREFIX = "AmazonSSM.";
const validation = (message: string) => new SimError(400, "ValidationException", message);
const seconds = (ms: number) => ms / 1000;

// Fleets are static per simulator: built once per account and region.
const fleets = new WeakMap<SimRuntime, Map<string, TSsmInstance[]>>();

/** SSM is not aggregated: every caller (the administrator's base credentials included) sees its own account and region. */
function callerFleet(req: TRequest, rt: SimRuntime): TSsmInstance[] {
  const region = rt.regionIndex(req.caller.region);
  if (region < 0) return [];
  let byScope = fleets.get(rt);
  if (!byScope) fleets.set(rt, (byScope = new Map()));
  const key = `${req.caller.account.index}:${region}`;
  let fleet = byScope.get(key);
  if (!fleet) {
    fleet = buildFleet(rt.seed, rt.scale, rt.data.org, req.caller.account, region, rt.data.timeline.startMs);
    byScope.set(key, fleet);
  }
  return fleet;
}

/** Pages with an opaque token bound to the operation and scope; MaxResults outside [min, max] is a ValidationException. */
function paged<T>(input: Record<string, unknown>, scope: string, items: T[], limits: { min: number; max: number; fallback: number }): { items: T[]; NextToken?: string } {
  const max = input.MaxResults === undefined ? limits.fallback : Number(input.MaxResults);
  if (!Number.isInteger(max) || max < limits.min || max > limits.max) {
    throw validation(`1 validation error detected: Value '${String(input.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value ${max < limits.min ? "greater than or equal to " + limits.min : "less than or equal to " + limits.max}`);
  }
  let offset = 0;
  if (input.NextToken) {
    const [tokenScope, value] = Buffer.from(String(input.NextToken), "base64url").toString().split("|");
    offset = Number(value);
    if (tokenScope !== scope || !Number.isInteger(offset) || offset < 0) throw new SimError(400, "InvalidNextToken", "The specified token isn't valid.");
  }
  const next = offset + max;
  return { items: items.slice(offset, next), ...(next < items.length ? { NextToken: Buffer.from(`${scope}|${next}`).toString("base64url") } : {}) };
}

type TFilter = { Key?: unknown; Values?: unknown };

function instanceFilter(input: Record<string, unknown>): (i: TSsmInstance) => boolean {
  const filters = [...((input.Filters as TFilter[] | undefined) ?? []), ...((input.InstanceInformationFilterList as { key?: unknown; valueSet?: unknown }[] | undefined) ?? []).map((f) => ({ Key: f.key, Values: f.valueSet }))];
  const tests = filters.map((f): ((i: TSsmInstance) => boolean) => {
    const values = Array.isArray(f.Values) ? f.Values.map(String) : [];
    if (values.length === 0) throw new SimError(400, "InvalidInstanceInformationFilterValue", `The filter ${String(f.Key)} has no values.`);
    switch (f.Key) {
      case "InstanceIds": return (i) => values.includes(i.instanceId);
      case "PingStatus": return (i) => values.includes(i.pingStatus);
      case "PlatformTypes": return (i) => values.includes(i.platform.type);
      case "ResourceType": return () => values.includes("EC2Instance");
      case "AgentVersion": return (i) => values.includes(i.agentVersion);
      default: throw new SimError(400, "InvalidFilterKey", `The simulator does not support the filter key ${String(f.Key)}`);
    }
  });
  return (i) => tests.every((t) => t(i));
}

function lastPing(i: TSsmInstance, rt: SimRuntime): number {
  return i.frozenAt !== null && i.pingStatus !== "Online" ? i.frozenAt : rt.now() - (1 + (i.n % 5)) * 60_000;
}

function instanceShape(i: TSsmInstance, rt: SimRuntime) {
  return {
    InstanceId: i.instanceId, PingStatus: i.pingStatus, LastPingDateTime: seconds(lastPing(i, rt)), AgentVersion: i.agentVersion,
    IsLatestVersion: i.agentVersion === "3.3.1611.0", PlatformType: i.platform.type, PlatformName: i.platform.name, PlatformVersion: i.platform.version,
    ResourceType: "EC2Instance", IPAddress: i.ipAddress, ComputerName: i.computerName, RegistrationDate: seconds(i.registeredAt),
    AssociationStatus: i.frozenAt === null ? "Success" : "Failed", LastAssociationExecutionDate: seconds(lastPing(i, rt)),
  };
}

function patchShape(i: TSsmInstance, rt: SimRuntime) {
  const s = patchStateAt(rt.seed, i, rt.now());
  return {
    InstanceId: i.instanceId, PatchGroup: i.patchGroup, BaselineId: i.baselineId,
    SnapshotId: `${hex(8, rt.seed, 7200, i.account, i.region, i.n, s.startTime)}-${hex(4, rt.seed, 7201, s.startTime)}-4${hex(3, rt.seed, 7202, s.startTime)}-a${hex(3, rt.seed, 7203, s.startTime)}-${hex(12, rt.seed, 7204, i.n, s.startTime)}`,
    OwnerInformation: "", InstalledCount: s.installed, InstalledOtherCount: s.installedOther, InstalledPendingRebootCount: s.pendingReboot,
    InstalledRejectedCount: s.rejected, MissingCount: s.missing, FailedCount: s.failed, UnreportedNotApplicableCount: s.unreportedNotApplicable,
    NotApplicableCount: s.notApplicable, OperationStartTime: seconds(s.startTime), OperationEndTime: seconds(s.endTime), Operation: s.operation,
    LastNoRebootInstallOperationTime: i.rebootOption === "NoReboot" && s.operation === "Install" ? seconds(s.endTime) : undefined,
    RebootOption: i.rebootOption, CriticalNonCompliantCount: s.critical, SecurityNonCompliantCount: s.security, OtherNonCompliantCount: s.other,
  };
}

function baselines(rt: SimRuntime, account: TSimAccount, region: number) {
  const defaults = SSM_PLATFORMS.filter((p, n) => SSM_PLATFORMS.findIndex((q) => q.baselineName === p.baselineName) === n).map((p) => ({
    BaselineId: defaultBaselineId(rt.seed, region, p), BaselineName: p.baselineName, OperatingSystem: p.os,
    BaselineDescription: `Default Patch Baseline for ${p.type === "Windows" ? "Windows" : p.name} Provided by AWS.`, DefaultBaseline: true,
  }));
  const custom = {
    BaselineId: customBaselineId(rt.seed, account.index, region), BaselineName: `${account.name}-critical-7d`, OperatingSystem: "AMAZON_LINUX_2023",
    BaselineDescription: "Critical and security updates approved after 7 days", DefaultBaseline: false,
  };
  return [...defaults, custom];
}

function associations(rt: SimRuntime, account: TSimAccount, region: number) {
  const specs: { kind: TSsmAssociationKind; Name: string; AssociationName: string; ScheduleExpression: string }[] = [
    { kind: "inventory", Name: "AWS-GatherSoftwareInventory", AssociationName: "kanshi-inventory", ScheduleExpression: "rate(30 minutes)" },
    { kind: "patch", Name: "AWS-RunPatchBaseline", AssociationName: "patch-scan-daily", ScheduleExpression: "cron(0 2 ? * * *)" },
  ];
  const fleetSize = buildFleet(rt.seed, rt.scale, rt.data.org, account, region, rt.data.timeline.startMs).length;
  const day = Math.floor(rt.now() / 86_400_000) * 86_400_000;
  return specs.filter((s) => hasAssociation(rt.seed, rt.data.org, account.index, region, s.kind)).map((s, n) => {
    const id = hex(32, rt.seed, 7300, account.index, region, n);
    return {
      Name: s.Name, AssociationName: s.AssociationName, AssociationVersion: "1",
      AssociationId: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`,
      DocumentVersion: "$DEFAULT", Targets: [{ Key: "InstanceIds", Values: ["*"] }], ScheduleExpression: s.ScheduleExpression,
      LastExecutionDate: seconds(s.kind === "patch" ? day + 2 * 3_600_000 - (rt.now() < day + 2 * 3_600_000 ? 86_400_000 : 0) : rt.now() - (rt.now() % 1_800_000)),
      Overview: { Status: "Success", DetailedStatus: "Success", AssociationStatusAggregatedCount: { Success: fleetSize } },
    };
  });
}

const INSTANCE_INFORMATION = "AWS:InstanceInformation";
const INVENTORY_STATUS: Record<TSsmInstance["pingStatus"], string> = { Online: "Active", ConnectionLost: "ConnectionLost", Inactive: "Stopped" };

function inventoryContent(i: TSsmInstance) {
  return {
    AgentType: "amazon-ssm-agent", AgentVersion: i.agentVersion, ComputerName: i.computerName, InstanceId: i.instanceId, InstanceStatus: INVENTORY_STATUS[i.pingStatus],
    IpAddress: i.ipAddress, PlatformName: i.platform.name, PlatformType: i.platform.type, PlatformVersion: i.platform.version, ResourceType: "EC2Instance",
  };
}

/** Inventory filters on AWS:InstanceInformation attributes (Equal / NotEqual / BeginWith). */
function inventoryFilter(input: Record<string, unknown>): (c: Record<string, string>) => boolean {
  const filters = (input.Filters as { Key?: unknown; Values?: unknown; Type?: unknown }[] | undefined) ?? [];
  const tests = filters.map((f): ((c: Record<string, string>) => boolean) => {
    const key = String(f.Key ?? "");
    const values = Array.isArray(f.Values) ? f.Values.map(String) : [];
    if (!key.startsWith(`${INSTANCE_INFORMATION}.`) || values.length === 0) throw new SimError(400, "InvalidFilter", `The simulator supports filters on ${INSTANCE_INFORMATION} attributes with at least one value, not ${key}`);
    const attribute = key.slice(INSTANCE_INFORMATION.length + 1);
    const type = String(f.Type ?? "Equal");
    if (type === "Equal") return (c) => values.includes(c[attribute] ?? "");
    if (type === "NotEqual") return (c) => !values.includes(c[attribute] ?? "");
    if (type === "BeginWith") return (c) => values.some((v) => (c[attribute] ?? "").startsWith(v));
    throw new SimError(400, "InvalidFilter", `The simulator does not support the filter type ${type}`);
  });
  return (c) => tests.every((t) => t(c));
}

/**
 * GetInventory with the AWS:InstanceInformation type: one entity per managed instance, from the gather-inventory
 * association's last run (an account-region without that association has no inventory to return).
 */
function getInventory(input: Record<string, unknown>, req: TRequest, rt: SimRuntime) {
  const attributes = (input.ResultAttributes as { TypeName?: unknown }[] | undefined) ?? [];
  for (const a of attributes) {
    if (a.TypeName !== INSTANCE_INFORMATION) throw new SimError(400, "InvalidResultAttributeException", `The simulator returns only ${INSTANCE_INFORMATION}, not ${String(a.TypeName)}`);
  }
  const account = req.caller.account;
  const region = rt.regionIndex(req.caller.region);
  const collected = region >= 0 && hasAssociation(rt.seed, rt.data.org, account.index, region, "inventory");
  const test = inventoryFilter(input);
  const entities = (collected ? callerFleet(req, rt) : []).filter((i) => test(inventoryContent(i)));
  const page = paged(input, `inv:${account.index}:${region}:${JSON.stringify(input.Filters ?? null)}`, entities, { min: 1, max: 50, fallback: 50 });
  return {
    Entities: page.items.map((i) => {
      const captured = i.frozenAt ?? rt.now() - (rt.now() % 1_800_000);
      return {
        Id: i.instanceId,
        Data: { [INSTANCE_INFORMATION]: { TypeName: INSTANCE_INFORMATION, SchemaVersion: "1.0", CaptureTime: new Date(captured).toISOString().replace(/\.\d{3}Z$/, "Z"), Content: [inventoryContent(i)] } },
      };
    }),
    NextToken: page.NextToken,
  };
}

function handle(operation: string, req: TRequest, rt: SimRuntime) {
  const input = parseJsonBody(req.body);
  const account = req.caller.account;
  const region = rt.regionIndex(req.caller.region);
  const scope = `${account.index}:${region}`;
  switch (operation) {
    case "DescribeInstanceInformation": {
      const test = instanceFilter(input);
      const page = paged(input, `ii:${scope}:${JSON.stringify(input.Filters ?? null)}`, callerFleet(req, rt).filter(test), { min: 5, max: 50, fallback: 50 });
      return { InstanceInformationList: page.items.map((i) => instanceShape(i, rt)), NextToken: page.NextToken };
    }
    case "DescribeInstancePatchStates": {
      const ids = Array.isArray(input.InstanceIds) ? input.InstanceIds.map(String) : [];
      if (ids.length < 1 || ids.length > 50) {
        throw validation(`1 validation error detected: Value '[${ids.join(", ")}]' at 'instanceIds' failed to satisfy constraint: Member must have length ${ids.length < 1 ? "greater than or equal to 1" : "less than or equal to 50"}`);
      }
      const wanted = new Set(ids);
      const found = callerFleet(req, rt).filter((i) => wanted.has(i.instanceId));
      const page = paged(input, `ps:${scope}:${ids.join(",")}`, found, { min: 10, max: 100, fallback: 50 });
      return { InstancePatchStates: page.items.map((i) => patchShape(i, rt)), NextToken: page.NextToken };
    }
    case "DescribeInstancePatchStatesForPatchGroup": {
      const group = typeof input.PatchGroup === "string" ? input.PatchGroup : "";
      if (group.length < 1 || group.length > 256) throw validation("1 validation error detected: Value at 'patchGroup' failed to satisfy constraint: Member must have length greater than or equal to 1");
      if (input.Filters !== undefined && (!Array.isArray(input.Filters) || input.Filters.length > 0)) throw new SimError(400, "InvalidFilter", "The simulator does not support patch state filters");
      const found = callerFleet(req, rt).filter((i) => i.patchGroup === group);
      const page = paged(input, `pg:${scope}:${group}`, found, { min: 10, max: 100, fallback: 50 });
      return { InstancePatchStates: page.items.map((i) => patchShape(i, rt)), NextToken: page.NextToken };
    }
    case "DescribePatchBaselines": {
      const page = paged(input, `pb:${scope}`, region < 0 ? [] : baselines(rt, account, region), { min: 1, max: 100, fallback: 100 });
      return { BaselineIdentities: page.items, NextToken: page.NextToken };
    }
    case "ListAssociations": {
      const filters = (input.AssociationFilterList as { key?: unknown; value?: unknown }[] | undefined) ?? [];
      const all = region < 0 || account.status !== "ACTIVE" ? [] : associations(rt, account, region);
      const found = all.filter((a) => filters.every((f) => {
        if (f.key === "Name") return a.Name === f.value;
        if (f.key === "AssociationName") return a.AssociationName === f.value;
        throw validation(`The simulator does not support the association filter key ${String(f.key)}`);
      }));
      const page = paged(input, `as:${scope}:${JSON.stringify(filters)}`, found, { min: 1, max: 50, fallback: 50 });
      return { Associations: page.items, NextToken: page.NextToken };
    }
    case "GetInventory":
      return getInventory(input, req, rt);
    default:
      throw new SimError(400, "UnknownOperationException", `The simulator does not implement SSM ${operation}`);
  }
}

export const ssm: TService = {
  label: "SSM",
  operation: (req) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    return req.method === "POST" && target.startsWith(PREFIX) ? target.slice(PREFIX.length) : null;
  },
  handle: (operation, req, rt) => awsJson(handle(operation, req, rt)),
};
