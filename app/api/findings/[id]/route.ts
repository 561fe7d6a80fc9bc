// GET /api/findings/:id – one finding with history, related findings and write-back items (any role)
import { withAuth } from "@/server/auth/guard";
import { getFinding } from "@/server/findings/get-finding";

export const GET = withAuth<{ id: string }>(
  async (_request, { params }) => Response.json(await getFinding(params.id), { headers: { "Cache-Control": "no-store" } }),
  { role: "VIEWER" },
);
