// GET /api/audit?cursor=&limit=&action= – the audit log, newest first (ADMIN)
import { z } from "zod";
import { listAuditEntries } from "@/server/audit/list-audit";
import { withAuth } from "@/server/auth/guard";

const ZQuery = z.object({
  cursor: z.string().regex(/^\d+$/, "must be the nextCursor of a previous page").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(100).optional(),
});

export const GET = withAuth(
  async (request) => {
    const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listAuditEntries(query));
  },
  { role: "ADMIN" },
);
