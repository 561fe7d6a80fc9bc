import "server-only";
import type { TStandardKey } from "@/server/findings/findings.types";
import { loadControlRows, loadTree, type TTree } from "./compliance-sql";
import { computeScopeFigures, type TScopeFigures } from "./compute-scores";

/** The current figures of every scope, live from the findings (one grouped query). */
export type TLive = { figures: TScopeFigures<TStandardKey>; tree: TTree };

export async function loadLiveFigures(): Promise<TLive> {
  const [rows, tree] = await Promise.all([loadControlRows(), loadTree()]);
  return { figures: computeScopeFigures(rows, tree.accounts, tree.ous), tree };
}

/** One computation shared by the readers of one request (the page reads scores, trend and drill-down). */
export function sharedLive(): () => Promise<TLive> {
  let promise: Promise<TLive> | undefined;
  return () => (promise ??= loadLiveFigures());
}
