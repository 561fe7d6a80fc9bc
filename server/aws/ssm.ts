import "server-only";
import {
  DescribeInstanceInformationCommand,
  DescribeInstancePatchStatesCommand,
  ListAssociationsCommand,
  type InstanceInformation,
  type InstancePatchState,
  type SSMClient,
} from "@aws-sdk/client-ssm";
import type { RateLimiter } from "./rate-limiter";

// SSM is per account and region (no delegated-administrator view): scope names whose instances these are.
type TScope = { accountId?: string; region: string };

/** DescribeInstancePatchStates takes at most 50 instance ids per call. */
export const PATCH_STATES_MAX_IDS = 50;

export type TManagedInstance = {
  instanceId: string;
  pingStatus: string | null;
  lastPingAt: Date | null;
  platformType: string | null;
  platformName: string | null;
  platformVersion: string | null;
  computerName: string | null;
  ipAddress: string | null;
  agentVersion: string | null;
  resourceType: string | null;
  associationStatus: string | null;
};

export type TInstancePatchState = {
  instanceId: string;
  patchGroup: string;
  baselineId: string;
  operation: "Scan" | "Install";
  operationStartAt: Date;
  operationEndAt: Date;
  rebootOption: string | null;
  installed: number;
  installedOther: number;
  installedPendingReboot: number;
  installedRejected: number;
  missing: number;
  failed: number;
  unreportedNotApplicable: number;
  notApplicable: number;
  criticalNonCompliant: number;
  securityNonCompliant: number;
  otherNonCompliant: number;
};

export type TAssociation = {
  associationId: string;
  name: string;
  associationName: string | null;
  scheduleExpression: string | null;
  lastExecutionAt: Date | null;
  status: string | null;
  targets: { key: string; values: string[] }[];
};

function toManagedInstance(i: InstanceInformation): TManagedInstance | null {
  if (!i.InstanceId) return null;
  return {
    instanceId: i.InstanceId,
    pingStatus: i.PingStatus ?? null,
    lastPingAt: i.LastPingDateTime ?? null,
    platformType: i.PlatformType ?? null,
    platformName: i.PlatformName ?? null,
    platformVersion: i.PlatformVersion ?? null,
    computerName: i.ComputerName ?? null,
    ipAddress: i.IPAddress ?? null,
    agentVersion: i.AgentVersion ?? null,
    resourceType: i.ResourceType ?? null,
    associationStatus: i.AssociationStatus ?? null,
  };
}

function toPatchState(s: InstancePatchState): TInstancePatchState {
  return {
    instanceId: s.InstanceId ?? "",
    patchGroup: s.PatchGroup ?? "",
    baselineId: s.BaselineId ?? "",
    operation: s.Operation === "Install" ? "Install" : "Scan",
    operationStartAt: s.OperationStartTime ?? new Date(0),
    operationEndAt: s.OperationEndTime ?? new Date(0),
    rebootOption: s.RebootOption ?? null,
    installed: s.InstalledCount ?? 0,
    installedOther: s.InstalledOtherCount ?? 0,
    installedPendingReboot: s.InstalledPendingRebootCount ?? 0,
    installedRejected: s.InstalledRejectedCount ?? 0,
    missing: s.MissingCount ?? 0,
    failed: s.FailedCount ?? 0,
    unreportedNotApplicable: s.UnreportedNotApplicableCount ?? 0,
    notApplicable: s.NotApplicableCount ?? 0,
    criticalNonCompliant: s.CriticalNonCompliantCount ?? 0,
    securityNonCompliant: s.SecurityNonCompliantCount ?? 0,
    otherNonCompliant: s.OtherNonCompliantCount ?? 0,
  };
}

/** Every managed instance of the scope's account and region, 50 per page. */
export async function listManagedInstances(client: SSMClient, limiter: RateLimiter, scope: TScope): Promise<TManagedInstance[]> {
  const out: TManagedInstance[] = [];
  let NextToken: string | undefined;
  do {
    await limiter.take("ssm", "DescribeInstanceInformation", scope);
    const page = await client.send(new DescribeInstanceInformationCommand({ MaxResults: 50, NextToken }));
    for (const i of page.InstanceInformationList ?? []) {
      const instance = toManagedInstance(i);
      if (instance) out.push(instance);
    }
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  return out;
}

/** Patch states of the given instances, 50 ids per call; ids SSM does not know are simply absent. */
export async function getInstancePatchStates(client: SSMClient, limiter: RateLimiter, scope: TScope, instanceIds: string[]): Promise<TInstancePatchState[]> {
  const ids = [...new Set(instanceIds)];
  const out: TInstancePatchState[] = [];
  for (let start = 0; start < ids.length; start += PATCH_STATES_MAX_IDS) {
    const InstanceIds = ids.slice(start, start + PATCH_STATES_MAX_IDS);
    let NextToken: string | undefined;
    do {
      await limiter.take("ssm", "DescribeInstancePatchStates", scope);
      const page = await client.send(new DescribeInstancePatchStatesCommand({ InstanceIds, MaxResults: 50, NextToken }));
      out.push(...(page.InstancePatchStates ?? []).map(toPatchState));
      NextToken = page.NextToken || undefined;
    } while (NextToken);
  }
  return out;
}

/** The State Manager associations of the scope's account and region. */
export async function listAssociations(client: SSMClient, limiter: RateLimiter, scope: TScope): Promise<TAssociation[]> {
  const out: TAssociation[] = [];
  let NextToken: string | undefined;
  do {
    await limiter.take("ssm", "ListAssociations", scope);
    const page = await client.send(new ListAssociationsCommand({ MaxResults: 50, NextToken }));
    for (const a of page.Associations ?? []) {
      if (!a.AssociationId || !a.Name) continue;
      out.push({
        associationId: a.AssociationId,
        name: a.Name,
        associationName: a.AssociationName ?? null,
        scheduleExpression: a.ScheduleExpression ?? null,
        lastExecutionAt: a.LastExecutionDate ?? null,
        status: a.Overview?.Status ?? null,
        targets: (a.Targets ?? []).map((t) => ({ key: t.Key ?? "", values: t.Values ?? [] })),
      });
    }
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  return out;
}
