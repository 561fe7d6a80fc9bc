// POST /api/findings/suppressions/expire – run the suppression expiry now (ADMIN; the worker runs it every minute).
// In demo mode the body may give {"asOf": "<ISO date>"} to expire as if that time had come (the demo's clock moves).
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { getEnv } from "@/server/env";
import { expireSuppressions } from "@/server/findings/expire-suppressions";
import { AppError } from "@/server/http/app-error";

const ZBody = z.object({ asOf: z.iso.datetime({ message: "asOf must be an ISO date-time" }).optional() }).strict();

export const POST = withAuth(
  async (request) => {
    const text = await request.text();
    let body: unknown = {};
    try {
      if (text) body = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body must be valid JSON.");
    }
    const parsed = ZBody.safeParse(body);
    if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues.map((i) => i.message).join("; "));
    if (parsed.data.asOf && getEnv().KANSHI_AWS_MODE !== "demo") throw new AppError("BAD_REQUEST", "asOf is only accepted in demo mode.");
    const asOf = parsed.data.asOf ? new Date(parsed.data.asOf) : new Date();
    return Response.json({ expired: await expireSuppressions(asOf), asOf: asOf.toISOString() });
  },
  { role: "ADMIN" },
);
