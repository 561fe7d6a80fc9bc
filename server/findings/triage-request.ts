import "server-only";
import { z } from "zod";
import type { TSessionUser } from "@/server/auth/roles.types";
import { db } from "@/server/db";
import { AppError } from "@/server/http/app-error";
import { parseFindingFilter } from "./filters";
import { MAX_FILTER_TARGET, MAX_NOTE_LENGTH, MAX_SELECTED_IDS, WORKFLOW_STATUSES, type TTriageResponse } from "./findings.types";
import { matchingIds } from "./list-findings";
import { applyTriage, type TTriageChange } from "./triage";

const note = z.string().trim().min(1, "must not be empty").max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters (Security Hub's limit)`);
const MAX_SUPPRESSION_DAYS = 731;

const ZTarget = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1, "select at least one finding").max(MAX_SELECTED_IDS, `at most ${MAX_SELECTED_IDS} ids; use a filter target for more`) }).strict(),
  z.object({ filter: z.string().max(4000), expectedCount: z.number().int().min(1).max(MAX_FILTER_TARGET) }).strict(),
]);

const ZRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("status"), status: z.enum(WORKFLOW_STATUSES), note: note.optional(), target: ZTarget }).strict()
    .refine((r) => !["RESOLVED", "SUPPRESSED"].includes(r.status) || r.note, { message: "a note is required to resolve or suppress", path: ["note"] }),
  z.object({ action: z.literal("assign"), ownerId: z.string().min(1).max(64).nullable(), target: ZTarget }).strict(),
  z.object({ action: z.literal("note"), note, target: ZTarget }).strict(),
  z.object({
    action: z.literal("suppress"),
    reason: note,
    until: z.string().refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(new Date(v).getTime()), "must be a date (YYYY-MM-DD)"),
    target: ZTarget,
  }).strict(),
  z.object({ action: z.literal("unsuppress"), note: note.optional(), target: ZTarget }).strict(),
]);

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "body"} ${i.message}`).join("; ");
}

/** Validates a triage request (POST /api/findings/actions), resolves its target and applies it. */
export async function handleTriageRequest(body: unknown, user: TSessionUser, meta: { ip: string | null; userAgent: string | null }, now = new Date()): Promise<TTriageResponse> {
  const parsed = ZRequest.safeParse(body);
  if (!parsed.success) throw new AppError("BAD_REQUEST", `Invalid triage request: ${describe(parsed.error)}.`);
  const request = parsed.data;

  let change: TTriageChange;
  if (request.action === "suppress") {
    const until = /^\d{4}-\d{2}-\d{2}$/.test(request.until) ? new Date(`${request.until}T23:59:59.999Z`) : new Date(request.until);
    if (until <= now) throw new AppError("BAD_REQUEST", "The suppression expiry must be in the future.");
    if (until.getTime() - now.getTime() > MAX_SUPPRESSION_DAYS * 86_400_000) throw new AppError("BAD_REQUEST", "A suppression can last at most two years; set an earlier expiry.");
    change = { action: "suppress", reason: request.reason, until: until.toISOString() };
  } else if (request.action === "assign") {
    let ownerEmail: string | undefined;
    if (request.ownerId) {
      const owner = await db.user.findUnique({ where: { id: request.ownerId }, select: { disabled: true, role: true, email: true } });
      if (!owner || owner.disabled) throw new AppError("BAD_REQUEST", "The owner must be an active user.");
      if (owner.role === "VIEWER") throw new AppError("BAD_REQUEST", "A viewer cannot own findings; choose an analyst or an admin.");
      ownerEmail = owner.email;
    }
    change = { action: "assign", ownerId: request.ownerId, ownerEmail };
  } else {
    const { target: _target, ...rest } = request;
    change = rest as TTriageChange;
  }

  let ids: string[];
  if ("ids" in request.target) {
    ids = [...new Set(request.target.ids)];
  } else {
    const filter = parseFindingFilter(new URLSearchParams(request.target.filter.replace(/^\?/, "")));
    ids = await matchingIds(filter, { userId: user.id, now }, MAX_FILTER_TARGET);
    if (ids.length > MAX_FILTER_TARGET) throw new AppError("BAD_REQUEST", `More than ${MAX_FILTER_TARGET.toLocaleString("en-US")} findings match this filter; narrow it first.`);
    if (ids.length !== request.target.expectedCount) {
      throw new AppError("CONFLICT", `${ids.length.toLocaleString("en-US")} findings match this filter now, not ${request.target.expectedCount.toLocaleString("en-US")}; check the count and confirm again.`);
    }
  }
  return applyTriage(ids, change, { actor: { id: user.id, email: user.email }, origin: "user", ip: meta.ip, userAgent: meta.userAgent });
}
