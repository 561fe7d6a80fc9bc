// POST /api/timeline/import – organization trail files (multipart "files", .json.gz or .json), per-file results (ADMIN, audited)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { uploadTrailFiles } from "@/server/timeline/upload-trail-files";

export const POST = withAuth(
  async (request, { user }) => Response.json(await uploadTrailFiles(request, { actor: user, ip: clientIp(request.headers) })),
  { role: "ADMIN" },
);
