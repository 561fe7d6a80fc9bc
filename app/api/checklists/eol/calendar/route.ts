// GET /api/checklists/eol/calendar?month=YYYY-MM – end-of-life and end-of-support dates of the inventory in that month (any role)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { calendarMonth } from "@/server/checklists/eol/calendar";
import { ZInventoryQuery } from "@/server/checklists/eol/inventory.types";

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM");

export const GET = withAuth(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const month = ZMonth.parse(params.month ?? new Date().toISOString().slice(0, 7));
  return Response.json(await calendarMonth(month, ZInventoryQuery.parse(params)), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
