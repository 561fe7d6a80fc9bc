// POST /api/checklists/eol/import – CSV {csv, fileName?} with a header row; any bad row → 400 listing them, nothing stored (ANALYST)
import { NextResponse } from "next/server";
import { withAuth } from "@/server/auth/guard";
import { importInventoryCsv, ZCsvImport } from "@/server/checklists/eol/import-csv";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const POST = withAuth(async (request, { user }) => {
  const result = await importInventoryCsv(await parseJsonBody(request, ZCsvImport), { user, ip: clientIp(request.headers) });
  if (!result.ok) return NextResponse.json({ error: { code: "INVALID_CSV", message: result.message, rows: result.rows } }, { status: 400 });
  return Response.json({ imported: result.imported }, { status: 201 });
}, { role: "ANALYST" });
