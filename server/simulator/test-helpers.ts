import "server-only";
import { GetFindingsCommand, SecurityHubClient, type AwsSecurityFinding, type GetFindingsCommandInput } from "@aws-sdk/client-securityhub";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import type { TSimulator } from "./types";

type AwsCredentialIdentity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export const ADMIN_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x" };

/** Real SDK clients pointed at the simulator (maxAttempts 1 unless asked: errors surface at once). */
export function clients(sim: TSimulator, options: { region?: string; credentials?: AwsCredentialIdentity; maxAttempts?: number } = {}) {
  const config = { endpoint: sim.url, region: options.region ?? "us-east-1", credentials: options.credentials ?? ADMIN_CREDENTIALS, maxAttempts: options.maxAttempts ?? 1 };
  return {
    securityHub: new SecurityHubClient(config),
    guardDuty: new GuardDutyClient(config),
    organizations: new OrganizationsClient(config),
    sts: new STSClient(config),
  };
}

/** Pages GetFindings to the end; returns the findings and the number of calls. */
export async function readAllFindings(client: SecurityHubClient, input: GetFindingsCommandInput = {}): Promise<{ findings: AwsSecurityFinding[]; calls: number }> {
  const findings: AwsSecurityFinding[] = [];
  let token: string | undefined;
  let calls = 0;
  do {
    const page = await client.send(new GetFindingsCommand({ MaxResults: 100, ...input, NextToken: token }));
    calls++;
    findings.push(...(page.Findings ?? []));
    token = page.NextToken;
  } while (token);
  return { findings, calls };
}
