import type { TSessionUser } from "@/server/auth/roles.types";
import { hasRole } from "@/server/auth/roles.types";
import { getPatchSummary } from "@/server/checklists/patches/get-patch-summary";
import type { TPatchSummary } from "@/server/checklists/patches/patches.types";
import { PatchesView } from "./patches-view";

/**
 * The Patches tab of the Checklists page (server component): the summary is rendered on the server, the rest
 * (instance list, trend, collection progress) is fetched by the client. Filters are read from the URL there.
 * A failing summary read is left to the client, which shows the error with a retry.
 */
export async function PatchesPanel({ user, params }: { user: TSessionUser; params: Record<string, string | string[] | undefined> }) {
  void params;
  let initial: TPatchSummary | undefined;
  try {
    initial = await getPatchSummary();
  } catch (error) {
    console.error("[patches] summary failed", error);
  }
  return (
    <PatchesView initial={initial} renderedAt={new Date().toISOString()} canCollect={hasRole(user.role, "ANALYST")} canEditSetting={hasRole(user.role, "ADMIN")} />
  );
}
