// GET /api/reviews/:id/export?format=csv|pdf – the review as CSV or PDF (VIEWER)
import { withAuth } from "@/server/auth/guard";
import { parseReviewExportFormat, reviewCsv, reviewFileName, reviewPdf } from "@/server/review/export-review";
import { getReview } from "@/server/review/reviews";

export const GET = withAuth<{ id: string }>(async (request, { params }) => {
  const format = parseReviewExportFormat(new URL(request.url).searchParams.get("format"));
  const review = await getReview(params.id);
  const headers = { "Content-Disposition": `attachment; filename="${reviewFileName(review, format)}"`, "Cache-Control": "no-store" };
  if (format === "pdf") return new Response(new Uint8Array(await reviewPdf(review)), { headers: { ...headers, "Content-Type": "application/pdf" } });
  return new Response(reviewCsv(review), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}, { role: "VIEWER" });
