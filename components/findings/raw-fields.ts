// Facts the drawer shows from a finding's raw JSON. A finding's raw is either an ASFF finding
// (Security Hub, GuardDuty through Security Hub, an import) or a native GuardDuty finding; keys are
// matched without regard to case so both the SDK's PascalCase and the wire's camelCase work. Pure.

type TRecord = Record<string, unknown>;

function isRecord(value: unknown): value is TRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a nested value, each key matched case-insensitively. */
export function readPath(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    if (key in current) {
      current = current[key];
      continue;
    }
    const lower = key.toLowerCase();
    const found = Object.keys(current).find((candidate) => candidate.toLowerCase() === lower);
    current = found === undefined ? undefined : current[found];
  }
  return current;
}

function text(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Only http(s) links are shown as links. */
export function safeUrl(value: unknown): string | undefined {
  const candidate = text(value);
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export type TRemediation = { text?: string; url?: string };

export function remediation(raw: unknown): TRemediation | null {
  const recommendation = readPath(raw, "Remediation", "Recommendation");
  const result = { text: text(readPath(recommendation, "Text")), url: safeUrl(readPath(recommendation, "Url")) };
  if (!result.text && !result.url) {
    const fallback = safeUrl(readPath(raw, "ProductFields", "RecommendationUrl"));
    return fallback ? { url: fallback } : null;
  }
  return result;
}

export type TGuardDutyFacts = {
  findingType?: string;
  actionType?: string;
  direction?: string;
  protocol?: string;
  remoteIp?: string;
  country?: string;
  city?: string;
  organization?: string;
  localPorts: string[];
  remotePorts: string[];
  domain?: string;
  api?: string;
  serviceName?: string;
  count?: string;
};

const ACTION_KINDS = ["NetworkConnectionAction", "PortProbeAction", "AwsApiCallAction", "DnsRequestAction", "KubernetesApiCallAction", "RdsLoginAttemptAction"];

function uniquePush(list: string[], value: string | undefined) {
  if (value && !list.includes(value)) list.push(value);
}

function fromAction(action: unknown, facts: TGuardDutyFacts) {
  facts.actionType ??= text(readPath(action, "ActionType"));
  for (const kind of ACTION_KINDS) {
    const detail = readPath(action, kind);
    if (!isRecord(detail)) continue;
    facts.direction ??= text(readPath(detail, "ConnectionDirection"));
    facts.protocol ??= text(readPath(detail, "Protocol"));
    facts.domain ??= text(readPath(detail, "Domain"));
    facts.api ??= text(readPath(detail, "Api"));
    facts.serviceName ??= text(readPath(detail, "ServiceName"));
    const probes = readPath(detail, "PortProbeDetails");
    const sources = Array.isArray(probes) ? probes : [detail];
    for (const source of sources) {
      const remote = readPath(source, "RemoteIpDetails");
      facts.remoteIp ??= text(readPath(remote, "IpAddressV4")) ?? text(readPath(remote, "IpAddressV6"));
      facts.country ??= text(readPath(remote, "Country", "CountryName"));
      facts.city ??= text(readPath(remote, "City", "CityName"));
      facts.organization ??= text(readPath(remote, "Organization", "AsnOrg")) ?? text(readPath(remote, "Organization", "Org"));
      uniquePush(facts.localPorts, text(readPath(source, "LocalPortDetails", "Port")));
      uniquePush(facts.remotePorts, text(readPath(source, "RemotePortDetails", "Port")));
    }
  }
}

/** ASFF ProductFields of a GuardDuty finding: "aws/guardduty/service/action/…/remoteIpDetails/ipAddressV4". */
function fromProductFields(fields: unknown, facts: TGuardDutyFacts) {
  if (!isRecord(fields)) return;
  for (const [key, value] of Object.entries(fields)) {
    const k = key.toLowerCase();
    if (!k.startsWith("aws/guardduty/")) continue;
    const v = text(value);
    if (!v) continue;
    if (k.endsWith("/action/actiontype")) facts.actionType ??= v;
    else if (k === "aws/guardduty/type") facts.findingType ??= v;
    else if (k.endsWith("/service/count")) facts.count ??= v;
    else if (k.endsWith("remoteipdetails/ipaddressv4")) facts.remoteIp ??= v;
    else if (k.endsWith("remoteipdetails/country/countryname")) facts.country ??= v;
    else if (k.endsWith("remoteipdetails/city/cityname")) facts.city ??= v;
    else if (k.endsWith("remoteipdetails/organization/asnorg")) facts.organization ??= v;
    else if (k.endsWith("localportdetails/port")) uniquePush(facts.localPorts, v);
    else if (k.endsWith("remoteportdetails/port")) uniquePush(facts.remotePorts, v);
    else if (k.endsWith("/connectiondirection")) facts.direction ??= v;
    else if (k.endsWith("/protocol")) facts.protocol ??= v;
    else if (k.endsWith("dnsrequestaction/domain")) facts.domain ??= v;
    else if (k.endsWith("awsapicallaction/api")) facts.api ??= v;
  }
}

/** What a GuardDuty finding says about the activity; null for other findings. */
export function guardDutyFacts(raw: unknown): TGuardDutyFacts | null {
  const facts: TGuardDutyFacts = { localPorts: [], remotePorts: [] };
  // Native GuardDuty: Service.Action; ASFF: the top-level Action object and ProductFields.
  fromAction(readPath(raw, "Service", "Action"), facts);
  fromAction(readPath(raw, "Action"), facts);
  fromProductFields(readPath(raw, "ProductFields"), facts);
  const nativeType = readPath(raw, "Service") !== undefined ? text(readPath(raw, "Type")) : undefined;
  facts.findingType ??= nativeType;
  facts.count ??= text(readPath(raw, "Service", "Count"));
  const { localPorts, remotePorts, ...rest } = facts;
  const hasAny = localPorts.length > 0 || remotePorts.length > 0 || Object.values(rest).some((value) => value !== undefined);
  return hasAny ? facts : null;
}

export type TRawResource = { type?: string; id?: string; region?: string; partition?: string; tags: [string, string][]; details: unknown };

function tagPairs(tags: unknown): [string, string][] {
  if (Array.isArray(tags)) {
    return tags.flatMap((tag) => {
      const key = text(readPath(tag, "Key"));
      return key ? [[key, text(readPath(tag, "Value")) ?? ""] as [string, string]] : [];
    });
  }
  if (isRecord(tags)) return Object.entries(tags).map(([key, value]) => [key, text(value) ?? ""]);
  return [];
}

/** raw.Resources (ASFF) or raw.Resource (native GuardDuty). */
export function rawResources(raw: unknown): TRawResource[] {
  const list = readPath(raw, "Resources");
  if (Array.isArray(list)) {
    return list.filter(isRecord).map((resource) => ({
      type: text(readPath(resource, "Type")),
      id: text(readPath(resource, "Id")),
      region: text(readPath(resource, "Region")),
      partition: text(readPath(resource, "Partition")),
      tags: tagPairs(readPath(resource, "Tags")),
      details: readPath(resource, "Details"),
    }));
  }
  const single = readPath(raw, "Resource");
  if (isRecord(single)) {
    const { ResourceType: _type, resourceType: _camel, ...details } = single as TRecord & { ResourceType?: unknown; resourceType?: unknown };
    const instanceTags = readPath(single, "InstanceDetails", "Tags");
    return [{ type: text(readPath(single, "ResourceType")), tags: tagPairs(instanceTags), details }];
  }
  return [];
}

/** Standards a control finding belongs to, from Compliance.AssociatedStandards or the generator id. */
export function standardsOf(raw: unknown, generatorId: string | null): string[] {
  const associated = readPath(raw, "Compliance", "AssociatedStandards");
  const ids = Array.isArray(associated)
    ? associated.flatMap((entry) => {
        const id = text(readPath(entry, "StandardsId"));
        return id ? [id.replace(/^standards\//, "")] : [];
      })
    : [];
  if (ids.length === 0 && generatorId) {
    const match = /^([a-z0-9-]+\/v\/[0-9.]+)\//.exec(generatorId);
    if (match?.[1]) ids.push(match[1]);
  }
  return ids;
}

/** The last part of an ARN or resource id, for narrow cells ("arn:aws:s3:::my-bucket" → "my-bucket"). */
export function shortResourceId(id: string): string {
  const afterSlash = id.slice(id.lastIndexOf("/") + 1);
  if (afterSlash && afterSlash !== id) return afterSlash;
  const afterColon = id.slice(id.lastIndexOf(":") + 1);
  return afterColon || id;
}

/** Shortens long ids in the middle so both ends stay readable. */
export function truncateMiddle(value: string, max = 32): string {
  if (value.length <= max) return value;
  const head = Math.ceil((max - 1) / 2);
  const tail = Math.floor((max - 1) / 2);
  return `${value.slice(0, head)}…${value.slice(value.length - tail)}`;
}
