import "server-only";
import type { AwsContext } from "@/server/aws/clients";
import { archiveFindings, listDetectorIds, unarchiveFindings, type TArchiveResult } from "@/server/aws/guardduty";
import { batchUpdateFindings } from "@/server/aws/securityhub-write";
import { describeAwsError, type TAwsFailure } from "@/server/aws/write-errors";
import type { TClaimedItem, TOutboxChunk, TOutboxScope } from "./outbox-claim";
import { ZSecurityHubUpdatePayload } from "./outbox.schema";

/** What became of one item: done (written, or nothing left to write), retry later, or failed for good. */
export type TOutcome = { id: string; findingId: string; result: "done" | "retry" | "failed"; error: string | null; sent: boolean };
export type TSendResult = { outcomes: TOutcome[]; calls: number };
/** One drain's AWS context and its detector ids by scope. */
export type TSendContext = { aws: AwsContext; detectors: Map<string, Promise<string | null>> };

// Errors no retry can fix: the request itself is wrong.
const PERMANENT = new Set(["InvalidInput", "FindingSizeExceeded", "InvalidInputException", "ValidationException", "InvalidPayload"]);
const NOT_FOUND_NOTE = "not in Security Hub any more (deleted or expired): nothing to write back";

const describe = (f: TAwsFailure) => `${f.code}: ${f.message}`;
const outcome = (item: TClaimedItem, result: TOutcome["result"], error: string | null, sent = true): TOutcome => ({ id: item.id, findingId: item.findingId, result, error, sent });
const failure = (item: TClaimedItem, f: TAwsFailure, sent = true) => outcome(item, PERMANENT.has(f.code) ? "failed" : "retry", describe(f), sent);

function addTo(map: Map<string, TClaimedItem[]>, key: string, item: TClaimedItem): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

async function sendSecurityHub(ctx: TSendContext, chunk: TOutboxChunk): Promise<TSendResult> {
  const payload = ZSecurityHubUpdatePayload.safeParse(chunk.payload);
  if (!payload.success) {
    const f = { code: "InvalidPayload", message: payload.error.issues.map((i) => `${i.path.join(".") || "payload"} ${i.message}`).join("; ") };
    return { outcomes: chunk.items.map((item) => failure(item, f, false)), calls: 0 };
  }
  const key = (id: { Id: string; ProductArn: string }) => `${id.ProductArn}|${id.Id}`;
  const outcomes: TOutcome[] = [];
  const byKey = new Map<string, TClaimedItem[]>();
  for (const item of chunk.items) {
    if (!item.productArn) outcomes.push(failure(item, { code: "InvalidInput", message: "the finding has no ProductArn" }, false));
    else addTo(byKey, key({ Id: item.externalId, ProductArn: item.productArn }), item);
  }
  const identifiers = [...byKey.values()].map(([item]) => ({ Id: item!.externalId, ProductArn: item!.productArn! }));
  if (identifiers.length === 0) return { outcomes, calls: 0 };
  const result = await batchUpdateFindings(ctx.aws.securityHub(chunk.scope), ctx.aws.limiter, chunk.scope, identifiers, payload.data);
  for (const id of result.processed) for (const item of byKey.get(key(id)) ?? []) outcomes.push(outcome(item, "done", null));
  for (const u of result.unprocessed) {
    for (const item of byKey.get(key(u.identifier)) ?? []) {
      outcomes.push(u.code === "FindingNotFound" && !u.callFailed ? outcome(item, "done", `${describe(u)} — ${NOT_FOUND_NOTE}`) : failure(item, u));
    }
  }
  // An identifier AWS answered neither way stays pending.
  const answered = new Set(outcomes.map((o) => o.id));
  for (const item of chunk.items) if (!answered.has(item.id)) outcomes.push(failure(item, { code: "NoAnswer", message: "AWS did not report this finding as processed or unprocessed" }));
  return { outcomes, calls: result.calls };
}

/** The GuardDuty finding id: stored, or the last part of its ARN (…/detector/<d>/finding/<id>). */
function guardDutyIdOf(item: TClaimedItem): string | null {
  return item.guardDutyId ?? /\/finding\/([^/]+)$/.exec(item.externalId)?.[1] ?? null;
}

/** The detector that archives in this scope, looked up once per drain. */
function detectorFor(ctx: TSendContext, scope: TOutboxScope): Promise<string | null> {
  const cacheKey = `${scope.accountId ?? "-"}:${scope.region}`;
  let found = ctx.detectors.get(cacheKey);
  if (!found) {
    found = listDetectorIds(ctx.aws.guardDuty(scope), ctx.aws.limiter, scope).then((ids) => ids[0] ?? null);
    found.catch(() => ctx.detectors.delete(cacheKey));
    ctx.detectors.set(cacheKey, found);
  }
  return found;
}

async function archiveIn(ctx: TSendContext, kind: string, scope: TOutboxScope, findingIds: string[]): Promise<TArchiveResult> {
  let detectorId: string | null;
  try {
    detectorId = await detectorFor(ctx, scope);
  } catch (error) {
    return { done: [], failed: findingIds.map((id) => ({ id, ...describeAwsError(error) })), calls: 0 };
  }
  if (!detectorId) return { done: [], failed: findingIds.map((id) => ({ id, code: "NoDetector", message: `no GuardDuty detector in ${scope.accountId ? `${scope.accountId}/` : ""}${scope.region}` })), calls: 0 };
  const send = kind === "guardduty.archive" ? archiveFindings : unarchiveFindings;
  return send({ client: ctx.aws.guardDuty(scope), limiter: ctx.aws.limiter, scope, detectorId, findingIds });
}

async function sendGuardDuty(ctx: TSendContext, chunk: TOutboxChunk): Promise<TSendResult> {
  const outcomes: TOutcome[] = [];
  const byId = new Map<string, TClaimedItem[]>();
  for (const item of chunk.items) {
    const id = guardDutyIdOf(item);
    if (id) addTo(byId, id, item);
    else outcomes.push(failure(item, { code: "InvalidInput", message: "not a GuardDuty finding (no GuardDuty finding id)" }, false));
  }
  let result = await archiveIn(ctx, chunk.kind, chunk.scope, [...byId.keys()]);
  let calls = result.calls;
  // GuardDuty lets only the administrator account archive: in fan-out, a member's refusal is retried
  // as Kanshi's own principal, which works when Kanshi runs in the GuardDuty administrator account.
  const refused = result.failed.filter((f) => f.code === "BadRequestException");
  if (chunk.scope.accountId && refused.length > 0) {
    const viaAdmin = await archiveIn(ctx, chunk.kind, { region: chunk.scope.region }, refused.map((f) => f.id));
    calls += viaAdmin.calls;
    result = { done: [...result.done, ...viaAdmin.done], failed: [...result.failed.filter((f) => f.code !== "BadRequestException"), ...viaAdmin.failed], calls };
  }
  for (const id of result.done) for (const item of byId.get(id) ?? []) outcomes.push(outcome(item, "done", null));
  for (const f of result.failed) for (const item of byId.get(f.id) ?? []) outcomes.push(failure(item, f, calls > 0));
  return { outcomes, calls };
}

/** Sends one claimed chunk in one call (two in fan-out when GuardDuty refuses the member) and says what became of each item. */
export async function sendChunk(ctx: TSendContext, chunk: TOutboxChunk): Promise<TSendResult> {
  if (chunk.kind === "securityhub.update") return sendSecurityHub(ctx, chunk);
  if (chunk.kind === "guardduty.archive" || chunk.kind === "guardduty.unarchive") return sendGuardDuty(ctx, chunk);
  const f = { code: "InvalidInput", message: `unknown outbox kind ${String(chunk.kind)}` };
  return { outcomes: chunk.items.map((item) => failure(item, f, false)), calls: 0 };
}
