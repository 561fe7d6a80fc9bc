import "server-only";
import { GetEbsEncryptionByDefaultCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { RateLimiter } from "./rate-limiter";

/** Whether new EBS volumes in the scope's account and region are encrypted by default. */
export async function getEbsEncryptionByDefault(client: EC2Client, limiter: RateLimiter, scope: { accountId?: string; region: string }): Promise<boolean> {
  await limiter.take("ec2", "GetEbsEncryptionByDefault", scope);
  const r = await client.send(new GetEbsEncryptionByDefaultCommand({}));
  return r.EbsEncryptionByDefault === true;
}
