// Pure: turns the flat OU list into the tree the Accounts page shows. Shared by server and client.

/** The Accounts page filtered to an OU (and the OUs below it), or all accounts. */
export function accountsHref(ouId: string | null): string {
  return ouId ? `/accounts?${new URLSearchParams({ ou: ouId })}` : "/accounts";
}

export type TUnit = { id: string; name: string; parentId: string | null };

export type TOuNode = {
  id: string;
  name: string;
  /** accounts in this OU and every OU below it */
  count: number;
  children: TOuNode[];
};

export type TOrganizationModel = {
  roots: TOuNode[];
  /** every OU reachable from a root, by id */
  byId: Map<string, TOuNode & { parentId: string | null }>;
  /** the OU an account counts under: its own OU, or the root when it has none we know */
  unitOf: (ouId: string | null) => string | null;
};

/**
 * Builds the tree from parent links. Units whose parent is unknown become roots; a unit caught in a
 * parent cycle (bad data) is left out instead of looping.
 */
export function buildOrganization(units: TUnit[], accountOus: Array<string | null>): TOrganizationModel {
  const known = new Map(units.map((unit) => [unit.id, unit]));
  const childrenOf = new Map<string | null, TUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(unit);
    childrenOf.set(parent, list);
  }

  const topLevel = childrenOf.get(null) ?? [];
  const realRoots = topLevel.filter((unit) => unit.parentId === null);
  const fallbackUnit = realRoots.length === 1 ? realRoots[0]!.id : null;
  const unitOf = (ouId: string | null) => (ouId !== null && known.has(ouId) ? ouId : fallbackUnit);

  const direct = new Map<string, number>();
  for (const ouId of accountOus) {
    const unit = unitOf(ouId);
    if (unit !== null) direct.set(unit, (direct.get(unit) ?? 0) + 1);
  }

  const byId: TOrganizationModel["byId"] = new Map();
  const build = (unit: TUnit, parentId: string | null): TOuNode => {
    const node: TOuNode & { parentId: string | null } = { id: unit.id, name: unit.name, count: 0, children: [], parentId };
    byId.set(unit.id, node);
    for (const child of childrenOf.get(unit.id) ?? []) {
      if (byId.has(child.id)) continue;
      node.children.push(build(child, unit.id));
    }
    node.count = (direct.get(unit.id) ?? 0) + node.children.reduce((sum, child) => sum + child.count, 0);
    return node;
  };

  // Roots (parentId null) first, then orphans whose parent is unknown.
  const ordered = [...realRoots, ...topLevel.filter((unit) => unit.parentId !== null)];
  const roots = ordered.filter((unit) => !byId.has(unit.id)).map((unit) => build(unit, null));
  // A node's public shape has no parentId: strip it from the tree handed to the client.
  return { roots: roots.map(stripParent), byId, unitOf };
}

function stripParent(node: TOuNode): TOuNode {
  return { id: node.id, name: node.name, count: node.count, children: node.children.map(stripParent) };
}

/** The ids of `id` and every OU below it. */
export function subtreeIds(model: TOrganizationModel, id: string): Set<string> {
  const result = new Set<string>();
  const visit = (node: TOuNode) => {
    result.add(node.id);
    node.children.forEach(visit);
  };
  const start = model.byId.get(id);
  if (start) visit(start);
  return result;
}

/** The ids above `id`, nearest first. */
export function ancestorIds(model: TOrganizationModel, id: string): string[] {
  const result: string[] = [];
  let current = model.byId.get(id)?.parentId ?? null;
  while (current !== null && !result.includes(current)) {
    result.push(current);
    current = model.byId.get(current)?.parentId ?? null;
  }
  return result;
}
