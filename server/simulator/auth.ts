import "server-only";
import type { TSimAccount, TSimOrganization } from "./data/organization";
import { alnum } from "./data/random";
import { SimError, type TServiceName } from "./errors";

export type TCaller = { accessKeyId: string; service: TServiceName; region: string; account: TSimAccount; assumed: boolean; arn: string };

const SERVICES = new Set<TServiceName>(["securityhub", "guardduty", "organizations", "sts", "ssm", "lambda", "rds", "eks", "cloudtrail", "config", "ecr", "ec2"]);
const CREDENTIAL = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;
const SIM_KEY = /^ASIA(\d{12})[A-Z0-9]{4}$/;

/** Session keys the simulator's STS hands out carry the account: ASIA + 12 digits + 4 characters. */
export function sessionAccessKeyId(accountId: string, nonce: number): string {
  return `ASIA${accountId}${alnum(4, nonce, Date.now() % 1_000_000).toUpperCase()}`;
}

/**
 * The caller from the SigV4 credential scope (signatures are not verified). Keys from the simulator's
 * AssumeRole act as their account; any other key is the delegated administrator's base credentials.
 */
export function callerOf(authorization: string | undefined, org: TSimOrganization): TCaller | null {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!match) return null;
  const [, accessKeyId, , region, service] = match as unknown as [string, string, string, string, string];
  if (!SERVICES.has(service as TServiceName)) throw new SimError(400, "UnknownService", `The simulator does not implement ${service}`);
  const session = SIM_KEY.exec(accessKeyId);
  if (session) {
    const account = org.accounts.find((a) => a.id === session[1]);
    if (!account) throw new SimError(403, service === "sts" ? "InvalidClientTokenId" : "UnrecognizedClientException", "The security token included in the request is invalid.");
    return { accessKeyId, service: service as TServiceName, region, account, assumed: true, arn: `arn:aws:sts::${account.id}:assumed-role/KanshiReadRole/kanshi` };
  }
  const admin = org.accounts.find((a) => a.id === org.adminAccountId) as TSimAccount;
  return { accessKeyId, service: service as TServiceName, region, account: admin, assumed: false, arn: `arn:aws:iam::${admin.id}:user/kanshi` };
}
