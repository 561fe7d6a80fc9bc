// GET /api/checklists/:id/history?page=n – every period since creation, newest first, with each item's completion or "missed" (any role)
import { withAuth } from "@/server/auth/guard";
import { getChecklistHistory } from "@/server/checklists/recurring/checklist-history";
import { AppError } from "@/server/http/app-error";

export const GET = withAuth<{ id: string }>(async (request, { params }) => {
  const text = new URL(request.url).searchParams.get("page") ?? "1";
  const page = Number(text);
  if (!Number.isInteger(page) || page < 1 || page > 1000) throw new AppError("BAD_REQUEST", `page: must be a whole number from 1 to 1000, got "${text.slice(0, 20)}".`);
  return Response.json(await getChecklistHistory(params.id, { page }), { headers: { "Cache-Control": "no-store" } });
}, { role: "VIEWER" });
