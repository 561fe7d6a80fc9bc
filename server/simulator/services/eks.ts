import "server-only";
import { inventoryOf, type TEksCluster } from "../data/inventory";
import { SimError } from "../errors";
import { pageAt, pageSize, serviceJsonError } from "../protocols/inventory-services";
import { json } from "../protocols/rest-json";
import type { SimRuntime, TRequest, TService } from "../runtime";

// EKS (REST-JSON): ListClusters and DescribeCluster for the EOL inventory; a caller sees its own account and region.

const CLUSTER = /^\/clusters\/([^/]+)$/;
const invalid = (message: string) => new SimError(400, "InvalidParameterException", message);

function clustersOf(req: TRequest, rt: SimRuntime): TEksCluster[] {
  const region = rt.regionIndex(req.caller.region);
  return region < 0 ? [] : inventoryOf(rt.data, req.caller.account, region).eks;
}

function clusterShape(c: TEksCluster, region: string) {
  return {
    name: c.name, arn: c.arn, createdAt: c.createdAt / 1000, version: c.version, endpoint: c.endpoint, roleArn: c.roleArn,
    status: "ACTIVE", platformVersion: c.platformVersion,
    kubernetesNetworkConfig: { serviceIpv4Cidr: "172.20.0.0/16", ipFamily: "ipv4" },
    resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] },
    logging: { clusterLogging: [{ types: ["api", "audit", "authenticator"], enabled: true }] },
    certificateAuthority: { data: Buffer.from(`simulated CA for ${c.name}`).toString("base64") },
    accessConfig: { authenticationMode: "API_AND_CONFIG_MAP" },
    upgradePolicy: { supportType: "EXTENDED" },
    tags: { "kanshi:region": region },
  };
}

function handle(operation: string, req: TRequest, rt: SimRuntime) {
  const clusters = clustersOf(req, rt);
  if (operation === "ListClusters") {
    const max = pageSize(req.query.get("maxResults"), { min: 1, max: 100, fallback: 100, member: "maxResults" }, invalid);
    const page = pageAt(clusters, max, req.query.get("nextToken"), `eks:${req.caller.account.index}:${req.caller.region}`, () => invalid("The nextToken is not valid."));
    return { clusters: page.items.map((c) => c.name), nextToken: page.next };
  }
  const name = decodeURIComponent(CLUSTER.exec(req.path)?.[1] ?? "");
  const cluster = clusters.find((c) => c.name === name);
  if (!cluster) throw new SimError(404, "ResourceNotFoundException", `No cluster found for name: ${name}.`, { clusterName: name });
  return { cluster: clusterShape(cluster, req.caller.region) };
}

export const eks: TService = {
  label: "EKS",
  operation: (req) => {
    if (req.method !== "GET") return null;
    if (req.path === "/clusters" || req.path === "/clusters/") return "ListClusters";
    return CLUSTER.test(req.path) ? "DescribeCluster" : null;
  },
  handle: (operation, req, rt) => json(handle(operation, req, rt)),
  encodeError: (error) => serviceJsonError(error, "eks"),
};
