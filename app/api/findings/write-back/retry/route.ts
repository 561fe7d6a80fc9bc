// POST /api/findings/write-back/retry – retry failed write-backs, all or { findingIds } (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { AppError } from "@/server/http/app-error";
import { clientIp } from "@/server/http/client-info";
import { requestWriteBackRetry, ZRetryWriteBacks } from "@/server/sync/request-write-back-retry";

/** The body is optional: none (or empty) retries every failed write-back. */
async function readInput(request: Request) {
  const text = await request.text();
  if (!text.trim()) return ZRetryWriteBacks.parse({});
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON, e.g. { \"findingIds\": [\"…\"] }, or empty.");
  }
  return ZRetryWriteBacks.parse(body);
}

export const POST = withAuth(
  async (request, { user }) => Response.json(await requestWriteBackRetry({ actor: user, input: await readInput(request), ip: clientIp(request.headers) })),
  { role: "ANALYST" },
);
