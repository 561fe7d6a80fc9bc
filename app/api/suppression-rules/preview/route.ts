// POST /api/suppression-rules/preview – { criteria } → how many active findings match and how many a rule would suppress now (ANALYST)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { previewSuppressionRule } from "@/server/findings/suppression-rules";
import { parseJsonBody } from "@/server/http/to-response";

export const POST = withAuth(
  async (request) => Response.json(await previewSuppressionRule(await parseJsonBody(request, z.unknown()))),
  { role: "ANALYST" },
);
