import { getCatalog } from "@/server/checklists/eol/catalog";
import { listInventory } from "@/server/checklists/eol/inventory";
import { ZInventoryQuery } from "@/server/checklists/eol/inventory.types";
import { discoveryRun } from "@/server/checklists/eol/run-discovery";
import { hasRole, type TSessionUser } from "@/server/auth/roles.types";
import { EolView } from "./eol-view";
import { listSearch } from "./eol-api";

/**
 * The EOL tab of the Checklists page: the inventory's status chips, list, groups and calendar; analysts and
 * admins add, import, discover and manage iCal feeds. The first render's data is loaded here.
 */
export async function EolPanel({ user, params }: { user: TSessionUser; params: Record<string, string | string[] | undefined> }) {
  const flat = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) flat.set(key, first);
  }
  const search = listSearch(flat);
  const parsed = ZInventoryQuery.safeParse(Object.fromEntries(new URLSearchParams(search)));
  const catalog = getCatalog();
  const [initial, run] = await Promise.all([parsed.success ? listInventory(parsed.data) : undefined, discoveryRun()]);
  return (
    <EolView
      initial={initial ? { search, data: initial } : undefined}
      initialRun={run}
      renderedAt={new Date().toISOString()}
      canEdit={hasRole(user.role, "ANALYST")}
      products={catalog.products.map((p) => ({ slug: p.slug, title: p.title }))}
      catalogAsOf={catalog.dataAsOf}
    />
  );
}
