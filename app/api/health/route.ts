// GET /api/health – liveness for load balancers: 200 when the database answers, 503 otherwise
import { checkDatabase } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const up = await checkDatabase();
  return Response.json(up ? { ok: true, db: "up" } : { ok: false, db: "down" }, { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
