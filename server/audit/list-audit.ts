import "server-only";
import { db } from "@/server/db";
import type { TAuditListItem } from "./audit.types";

export type { TAuditListItem } from "./audit.types";

/** Newest first, keyset-paginated on the id (the cursor is the last id of the previous page). */
export async function listAuditEntries(options: {
  cursor?: string;
  limit: number;
  action?: string;
}): Promise<{ items: TAuditListItem[]; nextCursor: string | null }> {
  const cursor = options.cursor && /^\d+$/.test(options.cursor) ? BigInt(options.cursor) : undefined;
  const rows = await db.auditLog.findMany({
    where: {
      ...(cursor !== undefined ? { id: { lt: cursor } } : {}),
      ...(options.action ? { action: { startsWith: options.action } } : {}),
    },
    orderBy: { id: "desc" },
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      actorEmail: r.actorEmail,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
    nextCursor: rows.length > options.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
