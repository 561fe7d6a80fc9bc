// PATCH /api/suppression-rules/:id – change name, reason, criteria, expiry or enabled (ANALYST); DELETE – delete it, its findings back to NEW unless { keepSuppressed: true } (ANALYST)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { deleteSuppressionRule, updateSuppressionRule } from "@/server/findings/suppression-rules";
import { AppError } from "@/server/http/app-error";
import { clientInfo } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";

export const PATCH = withAuth<{ id: string }>(
  async (request, { user, params }) => {
    const body = await parseJsonBody(request, z.unknown());
    return Response.json(await updateSuppressionRule(params.id, body, { user, ...clientInfo(request.headers) }));
  },
  { role: "ANALYST" },
);

export const DELETE = withAuth<{ id: string }>(
  async (request, { user, params }) => {
    // The body is optional here.
    const text = await request.text();
    let body: unknown = {};
    try {
      if (text.trim()) body = JSON.parse(text);
    } catch {
      throw new AppError("BAD_REQUEST", "The request body must be valid JSON (or empty).");
    }
    return Response.json(await deleteSuppressionRule(params.id, body, { user, ...clientInfo(request.headers) }));
  },
  { role: "ANALYST" },
);
