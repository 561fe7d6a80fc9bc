import "server-only";
import type { TGdView } from "../model/store";
import type { SimData } from "../model/store";
import { gdActors } from "./resources";
import { detectorId, gdFindingArn, gdFindingId } from "./ids";

const iso = (ms: number) => new Date(ms).toISOString();

export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
}

/** GuardDuty facts shared by the native finding and its Security Hub copy. */
export function gdFacts(data: SimData, view: TGdView) {
  const a = gdActors(data.seed, view.j);
  const account = data.org.accounts[view.account];
  const region = data.org.regions[view.region] as string;
  const values = { ip: a.ip, instance: a.instanceId, bucket: a.bucket, user: a.user, account: account?.id ?? "" };
  return {
    actors: a, account: account?.id as string, region, values,
    title: fillTemplate(view.type.title, values), description: fillTemplate(view.type.description, values),
    arn: gdFindingArn(data.seed, data.org, view.j, view.account, view.region),
    detectorId: detectorId(data.seed, view.account, view.region),
    firstSeen: iso(view.createdAt), lastSeen: iso(view.updatedAt),
  };
}

function resource(view: TGdView, f: ReturnType<typeof gdFacts>) {
  const a = f.actors;
  if (view.type.resource === "Instance") {
    return {
      resourceType: "Instance",
      instanceDetails: {
        instanceId: a.instanceId, instanceType: a.instanceType, instanceState: "running", imageId: a.imageId,
        availabilityZone: `${f.region}a`, platform: null, launchTime: "2026-06-01T08:00:00.000Z",
        iamInstanceProfile: { arn: `arn:aws:iam::${f.account}:instance-profile/app-instance-profile`, id: `AIPA${a.principalId.slice(4)}` },
        networkInterfaces: [{ networkInterfaceId: `eni-0${a.instanceId.slice(3)}`, privateIpAddress: `10.0.${a.port % 200}.${(view.j % 250) + 1}`, subnetId: `subnet-0${a.imageId.slice(5)}`, vpcId: `vpc-0${a.imageId.slice(6)}` }],
        tags: [{ key: "Name", value: `app-${view.j % 40}` }],
      },
    };
  }
  if (view.type.resource === "S3Bucket") {
    return {
      resourceType: "S3Bucket",
      s3BucketDetails: [{ arn: `arn:aws:s3:::${a.bucket}`, name: a.bucket, type: "Destination", createdAt: Date.UTC(2024, 2, 2, 10) / 1000, owner: { id: a.principalId } }],
      accessKeyDetails: { accessKeyId: a.accessKeyId, principalId: a.principalId, userName: a.user, userType: "IAMUser" },
    };
  }
  return { resourceType: "AccessKey", accessKeyDetails: { accessKeyId: a.accessKeyId, principalId: a.principalId, userName: a.user, userType: "IAMUser" } };
}

function action(view: TGdView, f: ReturnType<typeof gdFacts>) {
  const a = f.actors;
  const remote = { ipAddressV4: a.ip, country: { countryName: a.country }, city: { cityName: a.city }, organization: { asnOrg: a.org, org: a.org, isp: a.org } };
  switch (view.type.action) {
    case "NETWORK_CONNECTION":
      return { actionType: "NETWORK_CONNECTION", networkConnectionAction: { connectionDirection: "INBOUND", protocol: "TCP", blocked: false, remoteIpDetails: remote, localPortDetails: { port: a.port }, remotePortDetails: { port: 40000 + (view.j % 20000) } } };
    case "PORT_PROBE":
      return { actionType: "PORT_PROBE", portProbeAction: { blocked: false, portProbeDetails: [{ localPortDetails: { port: a.port }, remoteIpDetails: remote }] } };
    case "DNS_REQUEST":
      return { actionType: "DNS_REQUEST", dnsRequestAction: { domain: a.domain, protocol: "UDP", blocked: false } };
    default:
      return { actionType: "AWS_API_CALL", awsApiCallAction: { api: "GetObject", serviceName: "s3.amazonaws.com", callerType: "Remote IP", remoteIpDetails: remote } };
  }
}

export function renderGuardDuty(data: SimData, view: TGdView) {
  const f = gdFacts(data, view);
  return {
    accountId: f.account, arn: f.arn, createdAt: f.firstSeen, id: gdFindingId(data.seed, view.j), partition: "aws", region: f.region,
    schemaVersion: "2.0", severity: view.type.severity, confidence: 5 + (view.j % 5), type: view.type.type, updatedAt: f.lastSeen,
    title: f.title, description: f.description, resource: resource(view, f),
    service: {
      serviceName: "guardduty", detectorId: f.detectorId, action: action(view, f), archived: view.archived, count: view.count,
      eventFirstSeen: f.firstSeen, eventLastSeen: f.lastSeen, resourceRole: view.type.action === "PORT_PROBE" || view.type.resource === "S3Bucket" ? "TARGET" : "ACTOR",
      additionalInfo: { value: "{}", type: "default" },
    },
  };
}

export { resource as gdResource };
