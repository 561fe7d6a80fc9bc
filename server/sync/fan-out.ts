import "server-only";
import { db } from "@/server/db";

// What every per-account reader shares (the findings sync in fan-out, patch compliance, the baseline,
// EOL discovery, CloudTrail): which member accounts to read, and running their scopes a few at a time.

/** Runs tasks with at most `limit` at a time; results in the tasks' order. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** The organization's ACTIVE accounts (optionally only some), by id. */
export async function activeMemberAccountIds(only?: string[]): Promise<string[]> {
  const accounts = await db.awsAccount.findMany({
    where: { inOrganization: true, status: "ACTIVE", ...(only ? { id: { in: only } } : {}) }, select: { id: true }, orderBy: { id: "asc" },
  });
  return accounts.map((a) => a.id);
}

/** Every ACTIVE account × every given region. */
export async function memberScopes(regions: readonly string[], only?: string[]): Promise<{ accountId: string; region: string }[]> {
  const ids = await activeMemberAccountIds(only);
  return ids.flatMap((accountId) => regions.map((region) => ({ accountId, region })));
}
