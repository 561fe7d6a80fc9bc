import "server-only";
import { GetInventoryCommand, type SSMClient } from "@aws-sdk/client-ssm";
import type { RateLimiter } from "./rate-limiter";

// SSM inventory is per account and region: the scope names whose instances these are.
type TScope = { accountId?: string; region: string };

const INSTANCE_INFORMATION = "AWS:InstanceInformation";

export type TInstanceOs = {
  instanceId: string;
  /** "Amazon Linux", "Ubuntu", "Microsoft Windows Server 2019 Datacenter" */
  platformName: string;
  /** "2", "22.04", "10.0.17763" (Windows reports its build) */
  platformVersion: string;
  platformType: string | null;
  /** Active, ConnectionLost, Stopped, Terminated … */
  instanceStatus: string | null;
  computerName: string | null;
  capturedAt: Date | null;
};

/**
 * The operating system of every instance with inventory (the AWS:InstanceInformation type that the
 * gather-inventory association collects), 50 per page. Instances without inventory are absent.
 */
export async function listInstanceOs(client: SSMClient, limiter: RateLimiter, scope: TScope): Promise<TInstanceOs[]> {
  const out: TInstanceOs[] = [];
  let NextToken: string | undefined;
  do {
    await limiter.take("ssm", "GetInventory", scope);
    const page = await client.send(new GetInventoryCommand({ ResultAttributes: [{ TypeName: INSTANCE_INFORMATION }], MaxResults: 50, NextToken }));
    for (const entity of page.Entities ?? []) {
      const item = entity.Data?.[INSTANCE_INFORMATION];
      const content = item?.Content?.[0];
      const instanceId = content?.InstanceId ?? entity.Id;
      if (!content || !instanceId || !content.PlatformName) continue;
      const captured = item.CaptureTime ? new Date(item.CaptureTime) : null;
      out.push({
        instanceId,
        platformName: content.PlatformName,
        platformVersion: content.PlatformVersion ?? "",
        platformType: content.PlatformType ?? null,
        instanceStatus: content.InstanceStatus ?? null,
        computerName: content.ComputerName ?? null,
        capturedAt: captured && !Number.isNaN(captured.getTime()) ? captured : null,
      });
    }
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  return out;
}
