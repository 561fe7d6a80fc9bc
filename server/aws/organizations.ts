import "server-only";
import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import type { RateLimiter } from "./rate-limiter";

export type TOrgUnit = { id: string; name: string; parentId: string | null };
export type TOrgAccount = {
  id: string;
  name: string;
  email: string | null;
  status: string;
  parentId: string;
  joinedAt: Date | null;
  tags: Record<string, string>;
};
export type TOrgTree = { units: TOrgUnit[]; accounts: TOrgAccount[] };

/** Follows NextToken until it is gone: Organizations may return an empty page that still has one. */
async function collect<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    all.push(...page.items);
    token = page.next;
  } while (token);
  return all;
}

/** The whole organization: the root(s), every OU however nested, every account with its tags. */
export async function describeOrganization(client: OrganizationsClient, limiter: RateLimiter, region: string): Promise<TOrgTree> {
  const call = async <O>(op: string, send: () => Promise<O>) => {
    await limiter.take("organizations", op, { region });
    return send();
  };
  const roots = await collect(async (NextToken) => {
    const r = await call("ListRoots", () => client.send(new ListRootsCommand({ NextToken, MaxResults: 20 })));
    return { items: r.Roots ?? [], next: r.NextToken };
  });
  const units: TOrgUnit[] = roots.map((r) => ({ id: r.Id!, name: r.Name ?? "Root", parentId: null }));
  const accounts: TOrgAccount[] = [];
  const queue = units.map((u) => u.id);
  while (queue.length) {
    const parentId = queue.shift()!;
    const children = await collect(async (NextToken) => {
      const r = await call("ListOrganizationalUnitsForParent", () =>
        client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken, MaxResults: 20 })),
      );
      return { items: r.OrganizationalUnits ?? [], next: r.NextToken };
    });
    for (const ou of children) {
      units.push({ id: ou.Id!, name: ou.Name ?? ou.Id!, parentId });
      queue.push(ou.Id!);
    }
    const members = await collect(async (NextToken) => {
      const r = await call("ListAccountsForParent", () => client.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken, MaxResults: 20 })));
      return { items: r.Accounts ?? [], next: r.NextToken };
    });
    for (const a of members) {
      const tags = await collect(async (NextToken) => {
        const r = await call("ListTagsForResource", () => client.send(new ListTagsForResourceCommand({ ResourceId: a.Id!, NextToken })));
        return { items: r.Tags ?? [], next: r.NextToken };
      });
      accounts.push({
        id: a.Id!,
        name: a.Name ?? a.Id!,
        email: a.Email ?? null,
        status: a.Status ?? a.State ?? "ACTIVE",
        parentId,
        joinedAt: a.JoinedTimestamp ?? null,
        tags: Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? ""])),
      });
    }
  }
  return { units, accounts };
}
