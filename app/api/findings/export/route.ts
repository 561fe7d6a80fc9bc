// GET /api/findings/export?<filter>&sort=&dir=&format=csv|json – every finding of the filter as a streamed download (any role)
import { withAuth } from "@/server/auth/guard";
import { exportFindings, parseExportFormat } from "@/server/findings/export-findings";
import { parseFindingFilter, parsePaging } from "@/server/findings/filters";

export const GET = withAuth(
  async (request, { user }) => {
    const params = new URL(request.url).searchParams;
    const filter = parseFindingFilter(params);
    const { sort, dir } = parsePaging(params);
    const format = parseExportFormat(params.get("format"));
    const result = await exportFindings({ filter, sort: { sort, dir }, format, userId: user.id, signal: request.signal });
    return new Response(result.stream, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { role: "VIEWER" },
);
