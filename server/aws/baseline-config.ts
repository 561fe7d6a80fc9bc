import "server-only";
import { DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, type ConfigServiceClient } from "@aws-sdk/client-config-service";
import type { RateLimiter } from "./rate-limiter";

type TScope = { accountId?: string; region: string };

export type TRecorder = { name: string; allSupported: boolean; recording: boolean; lastStatus: string | null; lastStartAt: Date | null; lastStopAt: Date | null };

/** The AWS Config recorders of the scope's account and region, with whether each is recording. */
export async function describeRecorders(client: ConfigServiceClient, limiter: RateLimiter, scope: TScope): Promise<TRecorder[]> {
  await limiter.take("config", "DescribeConfigurationRecorders", scope);
  const recorders = (await client.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? [];
  if (recorders.length === 0) return [];
  await limiter.take("config", "DescribeConfigurationRecorderStatus", scope);
  const statuses = (await client.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ?? [];
  return recorders.map((r) => {
    const s = statuses.find((x) => x.name === r.name);
    return {
      name: r.name ?? "default",
      allSupported: r.recordingGroup?.allSupported === true,
      recording: s?.recording === true,
      lastStatus: s?.lastStatus ?? null,
      lastStartAt: s?.lastStartTime ?? null,
      lastStopAt: s?.lastStopTime ?? null,
    };
  });
}
