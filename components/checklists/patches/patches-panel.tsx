import type { TSessionUser } from "@/server/auth/roles.types";
import { TabPlaceholder } from "../tab-placeholder";

/** The Patches tab of the Checklists page (server component; data loaded here, interactive parts as client components). */
export async function PatchesPanel({ user, params }: { user: TSessionUser; params: Record<string, string | string[] | undefined> }) {
  void user;
  void params;
  return <TabPlaceholder tab="patches" />;
}
