import "server-only";
import { Agent } from "node:https";
import { Agent as HttpAgent } from "node:http";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { SSMClient } from "@aws-sdk/client-ssm";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { ConfigServiceClient } from "@aws-sdk/client-config-service";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECRClient } from "@aws-sdk/client-ecr";
import { EKSClient } from "@aws-sdk/client-eks";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { RDSClient } from "@aws-sdk/client-rds";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { CallStats, instrumentClient } from "./call-stats";
import { RateLimiter } from "./rate-limiter";

/** Where and as whom Kanshi talks to AWS (or to the simulator, in demo mode). */
export type TAwsConnection = {
  /** the simulator's URL in demo mode; undefined in AWS mode, where the SDK honours AWS_ENDPOINT_URL itself */
  endpoint?: string;
  /** undefined = the SDK's standard chain (env, profile, SSO, instance role) */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** fan-out: the role assumed in every member account */
  roleName: string;
  externalId?: string;
};

/** One sync's AWS context: clients cached per service, account and region; shared limiter and stats. */
export class AwsContext {
  readonly stats = new CallStats();
  private clients = new Map<string, unknown>();
  private roleCredentials = new Map<string, AwsCredentialIdentityProvider>();
  private handler = new NodeHttpHandler({
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 50 }),
    httpsAgent: new Agent({ keepAlive: true, maxSockets: 50 }),
    connectionTimeout: 5_000,
    requestTimeout: 60_000,
  });

  constructor(
    readonly connection: TAwsConnection,
    readonly limiter: RateLimiter = new RateLimiter(),
    /** SDK attempts per call (retries included); write-back uses fewer, its outbox retries later */
    private readonly maxAttempts = 10,
  ) {}

  /** Credentials of the read role in a member account, refreshed 5 minutes before they expire. */
  credentialsFor(accountId: string | undefined): AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined {
    if (!accountId) return this.connection.credentials;
    let provider = this.roleCredentials.get(accountId);
    if (!provider) {
      const assume = fromTemporaryCredentials({
        params: {
          RoleArn: `arn:aws:iam::${accountId}:role/${this.connection.roleName}`,
          RoleSessionName: "kanshi-sync",
          ExternalId: this.connection.externalId,
          DurationSeconds: 3600,
        },
        masterCredentials: this.connection.credentials,
        clientConfig: { region: "us-east-1", endpoint: this.connection.endpoint, requestHandler: this.handler, maxAttempts: 5 },
      });
      provider = memoizeCredentials(assume);
      this.roleCredentials.set(accountId, provider);
    }
    return provider;
  }

  private client<T>(kind: string, scope: { accountId?: string; region: string }, create: (config: ClientConfig) => T): T {
    const key = `${kind}:${scope.accountId ?? "-"}:${scope.region}`;
    let client = this.clients.get(key) as T | undefined;
    if (!client) {
      client = instrumentClient(
        create({
          region: scope.region,
          endpoint: this.connection.endpoint,
          credentials: this.credentialsFor(scope.accountId),
          maxAttempts: this.maxAttempts,
          retryMode: "standard",
          requestHandler: this.handler,
        }),
        kind,
        this.stats,
      );
      this.clients.set(key, client);
    }
    return client;
  }

  /** `accountId` set = fan-out: the member account's read role; unset = Kanshi's own principal. */
  securityHub(scope: { accountId?: string; region: string }): SecurityHubClient {
    return this.client("securityhub", scope, (c) => new SecurityHubClient(c));
  }

  guardDuty(scope: { accountId?: string; region: string }): GuardDutyClient {
    return this.client("guardduty", scope, (c) => new GuardDutyClient(c));
  }

  /** SSM is never aggregated: `accountId` unset = Kanshi's own account only. */
  ssm(scope: { accountId?: string; region: string }): SSMClient {
    return this.client("ssm", scope, (c) => new SSMClient(c));
  }

  // Per-account services (inventory discovery, the account baseline): always through the member's read role
  // in fan-out; `accountId` unset = Kanshi's own account.
  lambda(scope: { accountId?: string; region: string }): LambdaClient {
    return this.client("lambda", scope, (c) => new LambdaClient(c));
  }

  rds(scope: { accountId?: string; region: string }): RDSClient {
    return this.client("rds", scope, (c) => new RDSClient(c));
  }

  eks(scope: { accountId?: string; region: string }): EKSClient {
    return this.client("eks", scope, (c) => new EKSClient(c));
  }

  cloudTrail(scope: { accountId?: string; region: string }): CloudTrailClient {
    return this.client("cloudtrail", scope, (c) => new CloudTrailClient(c));
  }

  config(scope: { accountId?: string; region: string }): ConfigServiceClient {
    return this.client("config", scope, (c) => new ConfigServiceClient(c));
  }

  ecr(scope: { accountId?: string; region: string }): ECRClient {
    return this.client("ecr", scope, (c) => new ECRClient(c));
  }

  ec2(scope: { accountId?: string; region: string }): EC2Client {
    return this.client("ec2", scope, (c) => new EC2Client(c));
  }

  organizations(region: string): OrganizationsClient {
    return this.client("organizations", { region }, (c) => new OrganizationsClient(c));
  }

  destroy(): void {
    for (const client of this.clients.values()) (client as { destroy(): void }).destroy();
    this.handler.destroy();
  }
}

type ClientConfig = {
  region: string;
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: "standard";
  requestHandler: NodeHttpHandler;
};

const REFRESH_BEFORE_MS = 5 * 60_000;

export function memoizeCredentials(provider: AwsCredentialIdentityProvider, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (current) {
      const identity = await current.catch(() => undefined);
      if (identity && (!identity.expiration || identity.expiration.getTime() - now() > REFRESH_BEFORE_MS)) return identity;
    }
    current = provider();
    return current;
  };
}
