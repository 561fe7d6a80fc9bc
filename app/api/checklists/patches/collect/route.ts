// GET /api/checklists/patches/collect – the newest collection's progress and per-scope errors (any role);
// POST – "Collect now" (ANALYST, audited): 202 at once, or 200 when done with ?wait=true; a running collection is returned instead
import { withAuth } from "@/server/auth/guard";
import { latestPatchCollection, requestPatchCollection } from "@/server/checklists/patches/request-patch-collection";
import { AppError } from "@/server/http/app-error";
import { clientInfo } from "@/server/http/client-info";

export const GET = withAuth(async () => Response.json({ collection: await latestPatchCollection() }, { headers: { "Cache-Control": "no-store" } }), { role: "VIEWER" });

export const POST = withAuth(async (request, { user }) => {
  const wait = new URL(request.url).searchParams.get("wait");
  if (wait !== null && wait !== "true" && wait !== "false") throw new AppError("BAD_REQUEST", `wait: use true or false, got "${wait.slice(0, 20)}".`);
  const result = await requestPatchCollection({ actor: user, ...clientInfo(request.headers), wait: wait === "true" });
  return Response.json(result, { status: wait === "true" && result.started ? 200 : 202 });
}, { role: "ANALYST" });
