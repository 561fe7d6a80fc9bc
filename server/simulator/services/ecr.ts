import "server-only";
import { baselineOf, repositories } from "../data/baseline";
import { accessDenied, SimError } from "../errors";
import { awsJson, awsJsonError } from "../protocols/aws-json";
import { parseJsonBody, type SimRuntime, type TRequest, type TService } from "../runtime";

const PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
const OPERATIONS = new Set(["DescribeRepositories", "GetRegistryScanningConfiguration"]);
const invalid = (message: string) => new SimError(400, "InvalidParameterException", message);

function callerRepositories(req: TRequest, rt: SimRuntime) {
  const account = req.caller.account;
  const region = rt.regionIndex(req.caller.region);
  if (region < 0) return [];
  const baseline = baselineOf(rt.seed, rt.data.org, account);
  return repositories(rt.seed, account, region, baseline.ecrUnscanned.includes(region)).map((r) => ({
    repositoryArn: `arn:aws:ecr:${req.caller.region}:${account.id}:repository/${r.name}`,
    registryId: account.id,
    repositoryName: r.name,
    repositoryUri: `${account.id}.dkr.ecr.${req.caller.region}.amazonaws.com/${r.name}`,
    createdAt: r.createdAt / 1000,
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: { encryptionType: "AES256" },
  }));
}

function describeRepositories(input: Record<string, unknown>, req: TRequest, rt: SimRuntime) {
  if (input.registryId !== undefined && input.registryId !== req.caller.account.id) {
    throw accessDenied("ecr", req.caller.arn, `ecr:DescribeRepositories on registry ${String(input.registryId)}`);
  }
  const all = callerRepositories(req, rt);
  const names = input.repositoryNames as string[] | undefined;
  if (names !== undefined) {
    if (input.maxResults !== undefined || input.nextToken !== undefined) throw invalid("Invalid parameter at 'maxResults': cannot be used with repositoryNames");
    const found = names.map((n) => all.find((r) => r.repositoryName === n));
    const missing = names.find((_, i) => !found[i]);
    if (missing) throw new SimError(400, "RepositoryNotFoundException", `The repository with name '${missing}' does not exist in the registry with id '${req.caller.account.id}'`);
    return { repositories: found };
  }
  const max = input.maxResults === undefined ? 100 : Number(input.maxResults);
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw invalid("Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value between 1 and 1000'");
  const offset = input.nextToken ? Number(Buffer.from(String(input.nextToken), "base64url").toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalid("Invalid parameter at 'nextToken': the token is invalid");
  const next = offset + max;
  return { repositories: all.slice(offset, next), ...(next < all.length ? { nextToken: Buffer.from(String(next)).toString("base64url") } : {}) };
}

function handle(operation: string, req: TRequest, rt: SimRuntime): unknown {
  const baseline = baselineOf(rt.seed, rt.data.org, req.caller.account);
  if (req.caller.assumed && baseline.deniedServices.includes("ecr")) throw accessDenied("ecr", req.caller.arn, `ecr:${operation}`);
  const input = parseJsonBody(req.body);
  switch (operation) {
    case "DescribeRepositories": return describeRepositories(input, req, rt);
    case "GetRegistryScanningConfiguration":
      // Basic scanning; accounts with a registry-level rule scan every repository on push.
      return {
        registryId: req.caller.account.id,
        scanningConfiguration: {
          scanType: "BASIC",
          rules: baseline.registryScanOnPush ? [{ scanFrequency: "SCAN_ON_PUSH", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }] : [],
        },
      };
    default:
      throw new SimError(400, "UnknownOperationException", `The simulator does not implement ECR ${operation}`);
  }
}

/** Amazon ECR in the simulator (awsJson1_1): repositories and the registry scanning configuration, for the account baseline. */
export const ecr: TService = {
  label: "ECR",
  operation: (req) => {
    const target = String(req.headers["x-amz-target"] ?? "");
    if (req.method !== "POST" || !target.startsWith(PREFIX)) return null;
    const operation = target.slice(PREFIX.length);
    return OPERATIONS.has(operation) ? operation : null;
  },
  handle: (operation, req, rt) => awsJson(handle(operation, req, rt)),
  encodeError: (error) => awsJsonError(error),
};
