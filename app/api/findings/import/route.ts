// POST /api/findings/import – an ASFF JSON file (aws securityhub get-findings output or an array), ≤ 50 MB, stored whole or not at all (ANALYST)
import { withAuth } from "@/server/auth/guard";
import { importAsff, readJsonUpload, uploadFileName } from "@/server/findings/import-asff";
import { clientInfo } from "@/server/http/client-info";
import { errorResponse } from "@/server/http/to-response";

export const POST = withAuth(
  async (request, { user }) => {
    const upload = await readJsonUpload(request);
    if (!upload.ok) return errorResponse(upload.status, upload.code, upload.message);
    const result = await importAsff({ text: upload.text, fileName: uploadFileName(request.headers), actor: user, ...clientInfo(request.headers) });
    return Response.json(result);
  },
  { role: "ANALYST" },
);
