import "server-only";
import { DescribeRepositoriesCommand, GetRegistryScanningConfigurationCommand, type ECRClient } from "@aws-sdk/client-ecr";
import type { RateLimiter } from "./rate-limiter";

type TScope = { accountId?: string; region: string };

export type TRepository = { name: string; arn: string; scanOnPush: boolean };
export type TRegistryScanning = { scanType: string; rules: { frequency: string; filters: { filter: string; type: string }[] }[] };

/** Every private repository of the scope's registry, 100 per page. */
export async function listRepositories(client: ECRClient, limiter: RateLimiter, scope: TScope): Promise<TRepository[]> {
  const out: TRepository[] = [];
  let nextToken: string | undefined;
  do {
    await limiter.take("ecr", "DescribeRepositories", scope);
    const page = await client.send(new DescribeRepositoriesCommand({ maxResults: 100, nextToken }));
    for (const r of page.repositories ?? []) {
      if (r.repositoryName) out.push({ name: r.repositoryName, arn: r.repositoryArn ?? r.repositoryName, scanOnPush: r.imageScanningConfiguration?.scanOnPush === true });
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}

/** The registry-level scanning configuration (basic or enhanced, with its scan-on-push / continuous rules). */
export async function getRegistryScanning(client: ECRClient, limiter: RateLimiter, scope: TScope): Promise<TRegistryScanning> {
  await limiter.take("ecr", "GetRegistryScanningConfiguration", scope);
  const r = await client.send(new GetRegistryScanningConfigurationCommand({}));
  return {
    scanType: r.scanningConfiguration?.scanType ?? "BASIC",
    rules: (r.scanningConfiguration?.rules ?? []).map((rule) => ({
      frequency: rule.scanFrequency ?? "MANUAL",
      filters: (rule.repositoryFilters ?? []).map((f) => ({ filter: f.filter ?? "", type: f.filterType ?? "WILDCARD" })),
    })),
  };
}
