import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand } from "@aws-sdk/client-config-service";
import { EC2Client, GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from "@aws-sdk/client-ecr";
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from "@aws-sdk/client-securityhub";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { baselineProfiles } from "./data/baseline";
import { buildOrganization } from "./data/organization";
import { startSimulator, type TSimulator } from "./index";
import { clients } from "./test-helpers";

// The account-baseline APIs through the real SDK clients: shapes, the seeded failures, AccessDenied per service.

const SEED = 5;
let sim: TSimulator;
const org = buildOrganization(SEED);
const profiles = baselineProfiles(SEED, org);
const accountWith = (test: (p: ReturnType<typeof profiles.get> & object) => boolean) => org.accounts.find((a) => test(profiles.get(a.index)!))!;

beforeAll(async () => {
  sim = await startSimulator({ seed: SEED, scale: 1000 });
});
afterAll(() => sim.close());

type TCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const credentialsCache = new Map<string, TCredentials>();
async function as(accountId: string): Promise<TCredentials> {
  const cached = credentialsCache.get(accountId);
  if (cached) return cached;
  const { Credentials } = await clients(sim).sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/KanshiReadRole`, RoleSessionName: "kanshi" }));
  const c = { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken };
  credentialsCache.set(accountId, c);
  return c;
}

async function sdk(accountId: string, region = "us-east-1") {
  const config = { endpoint: sim.url, region, credentials: await as(accountId), maxAttempts: 1 };
  return {
    cloudTrail: new CloudTrailClient(config), configService: new ConfigServiceClient(config), ec2: new EC2Client(config),
    ecr: new ECRClient(config), guardDuty: new GuardDutyClient(config), securityHub: new SecurityHubClient(config),
  };
}

const region = (n: number) => org.regions[n]!;
const clean = org.accounts[1]!; // the delegated administrator: always passes

describe("seeded baseline profiles", () => {
  it("keep management and the administrator clean and give each fault to a different member", () => {
    expect(profiles.get(0)).toMatchObject({ trail: "multi-region", recorderStopped: [], cisMissing: false, deniedServices: [] });
    expect(profiles.get(1)).toMatchObject({ trail: "multi-region", ebsOff: [], ecrUnscanned: [], deniedServices: [] });
    const faulty = [...profiles.values()].filter((p) => p.trail !== "multi-region" || p.recorderStopped.length || Object.keys(p.detector).length || p.cisMissing || p.ecrUnscanned.length || p.ebsOff.length || p.deniedServices.length);
    expect(faulty).toHaveLength(8);
  });
});

describe("CloudTrail DescribeTrails / GetTrailStatus", () => {
  it("shows a multi-region trail in every region (shadow) and its status by ARN", async () => {
    for (const n of [0, 1]) {
      const { cloudTrail } = await sdk(clean.id, region(n));
      const { trailList } = await cloudTrail.send(new DescribeTrailsCommand({}));
      expect(trailList).toHaveLength(1);
      expect(trailList![0]).toMatchObject({ Name: `${clean.name}-management-events`, IsMultiRegionTrail: true, HomeRegion: region(0), TrailARN: `arn:aws:cloudtrail:${region(0)}:${clean.id}:trail/${clean.name}-management-events` });
      const status = await cloudTrail.send(new GetTrailStatusCommand({ Name: trailList![0]!.TrailARN }));
      expect(status.IsLogging).toBe(true);
      expect(status.LatestDeliveryTime).toBeInstanceOf(Date);
    }
    const { cloudTrail } = await sdk(clean.id, region(1));
    expect((await cloudTrail.send(new DescribeTrailsCommand({ includeShadowTrails: false }))).trailList).toEqual([]);
    await expect(cloudTrail.send(new GetTrailStatusCommand({ Name: "nope" }))).rejects.toMatchObject({ name: "TrailNotFoundException" });
  });

  it("has a single-region trail in one account and a stopped trail in another", async () => {
    const single = accountWith((p) => p.trail === "single-region");
    expect((await (await sdk(single.id, region(1))).cloudTrail.send(new DescribeTrailsCommand({}))).trailList).toEqual([]);
    const home = (await (await sdk(single.id, region(0))).cloudTrail.send(new DescribeTrailsCommand({}))).trailList!;
    expect(home.map((t) => t.IsMultiRegionTrail)).toEqual([false]);
    const stopped = accountWith((p) => p.trail === "not-logging");
    const { cloudTrail } = await sdk(stopped.id, region(0));
    const [trail] = (await cloudTrail.send(new DescribeTrailsCommand({}))).trailList!;
    const status = await cloudTrail.send(new GetTrailStatusCommand({ Name: trail!.Name }));
    expect(status).toMatchObject({ IsLogging: false });
    expect(status.StopLoggingTime).toBeInstanceOf(Date);
  });
});

describe("Config recorders", () => {
  it("records in clean accounts, is stopped in one region of one account, and denies one account's read role", async () => {
    const { configService } = await sdk(clean.id);
    const { ConfigurationRecorders } = await configService.send(new DescribeConfigurationRecordersCommand({}));
    expect(ConfigurationRecorders).toMatchObject([{ name: "default", recordingGroup: { allSupported: true } }]);
    const { ConfigurationRecordersStatus } = await configService.send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(ConfigurationRecordersStatus).toMatchObject([{ name: "default", recording: true, lastStatus: "SUCCESS" }]);
    expect(ConfigurationRecordersStatus![0]!.lastStartTime).toBeInstanceOf(Date);
    await expect(configService.send(new DescribeConfigurationRecordersCommand({ ConfigurationRecorderNames: ["other"] }))).rejects.toMatchObject({ name: "NoSuchConfigurationRecorderException" });

    const stopped = accountWith((p) => p.recorderStopped.length > 0);
    const r = profiles.get(stopped.index)!.recorderStopped[0]!;
    const status = await (await sdk(stopped.id, region(r))).configService.send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(status.ConfigurationRecordersStatus![0]).toMatchObject({ recording: false });

    const denied = accountWith((p) => p.deniedServices.includes("config"));
    const other = await sdk(denied.id);
    await expect(other.configService.send(new DescribeConfigurationRecordersCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 400 } });
    // Only Config: the same role reads EC2 and ECR.
    expect((await other.ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    expect((await other.ecr.send(new DescribeRepositoriesCommand({}))).repositories).toBeDefined();
  });
});

describe("ECR repositories and registry scanning", () => {
  it("pages repositories and finds the one without scan on push", async () => {
    const unscanned = accountWith((p) => p.ecrUnscanned.length > 0);
    const r = profiles.get(unscanned.index)!.ecrUnscanned[0]!;
    const { ecr } = await sdk(unscanned.id, region(r));
    const names: string[] = [];
    const flags: boolean[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await ecr.send(new DescribeRepositoriesCommand({ maxResults: 1, nextToken }));
      pages++;
      for (const repo of page.repositories!) {
        names.push(repo.repositoryName!);
        flags.push(repo.imageScanningConfiguration!.scanOnPush!);
        expect(repo.repositoryUri).toBe(`${unscanned.id}.dkr.ecr.${region(r)}.amazonaws.com/${repo.repositoryName}`);
        expect(repo.createdAt).toBeInstanceOf(Date);
      }
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(flags.filter((f) => !f)).toHaveLength(1);
    const scanning = await ecr.send(new GetRegistryScanningConfigurationCommand({}));
    expect(scanning).toMatchObject({ registryId: unscanned.id, scanningConfiguration: { scanType: "BASIC", rules: [] } });
    await expect(ecr.send(new DescribeRepositoriesCommand({ maxResults: 1001 }))).rejects.toMatchObject({ name: "InvalidParameterException" });
    await expect(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ["missing/repo"] }))).rejects.toMatchObject({ name: "RepositoryNotFoundException" });
  });
});

describe("EC2 GetEbsEncryptionByDefault (EC2 query protocol)", () => {
  it("reads the flag and maps the EC2 error XML", async () => {
    const off = accountWith((p) => p.ebsOff.length > 0 && !p.deniedServices.includes("ec2"));
    const r = profiles.get(off.index)!.ebsOff[0]!;
    expect((await (await sdk(off.id, region(r))).ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(false);
    expect((await (await sdk(off.id, region((r + 1) % 3))).ec2.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    const denied = accountWith((p) => p.deniedServices.includes("ec2"));
    const error = await (await sdk(denied.id)).ec2.send(new GetEbsEncryptionByDefaultCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnauthorizedOperation", $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toMatch(/not authorized to perform: ec2:GetEbsEncryptionByDefault/);
  });
});

describe("GuardDuty detectors and Security Hub hub / standards", () => {
  it("has a disabled detector, a missing detector and a member without CIS", async () => {
    const disabled = accountWith((p) => Object.values(p.detector).includes("DISABLED"));
    const rd = Number(Object.keys(profiles.get(disabled.index)!.detector)[0]);
    const gd = (await sdk(disabled.id, region(rd))).guardDuty;
    const { DetectorIds } = await gd.send(new ListDetectorsCommand({}));
    expect(DetectorIds).toHaveLength(1);
    expect((await gd.send(new GetDetectorCommand({ DetectorId: DetectorIds![0] }))).Status).toBe("DISABLED");

    const absent = accountWith((p) => Object.values(p.detector).includes("ABSENT"));
    const ra = Number(Object.keys(profiles.get(absent.index)!.detector)[0]);
    expect((await (await sdk(absent.id, region(ra))).guardDuty.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);
    expect((await (await sdk(absent.id, region((ra + 1) % 3))).guardDuty.send(new ListDetectorsCommand({}))).DetectorIds).toHaveLength(1);

    const sh = (await sdk(absent.id)).securityHub;
    expect(await sh.send(new DescribeHubCommand({}))).toMatchObject({ HubArn: `arn:aws:securityhub:us-east-1:${absent.id}:hub/default`, AutoEnableControls: true });
    const { StandardsSubscriptions } = await sh.send(new GetEnabledStandardsCommand({}));
    expect(StandardsSubscriptions!.map((s) => s.StandardsArn)).toEqual(["arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0"]);
    const full = await (await sdk(clean.id)).securityHub.send(new GetEnabledStandardsCommand({}));
    expect(full.StandardsSubscriptions).toHaveLength(2);
  });

  it("denies every baseline API for an account in faults.deniedAccounts", async () => {
    const { configService, ec2, ecr, cloudTrail } = await sdk(clean.id);
    sim.setFaults({ deniedAccounts: [clean.id] });
    try {
      await expect(configService.send(new DescribeConfigurationRecordersCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
      await expect(ec2.send(new GetEbsEncryptionByDefaultCommand({}))).rejects.toMatchObject({ name: "UnauthorizedOperation" });
      await expect(ecr.send(new DescribeRepositoriesCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
      await expect(cloudTrail.send(new DescribeTrailsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
    } finally {
      sim.setFaults({ deniedAccounts: [] });
    }
  });
});
