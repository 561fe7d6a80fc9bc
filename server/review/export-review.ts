import "server-only";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type PDFDocumentType from "pdfkit";
import { csvCell } from "@/server/findings/export-findings";
import { AppError } from "@/server/http/app-error";
import type { TReviewView } from "./review.types";

// A review as CSV (agenda sections and their items, then the action items) or as a PDF for the minutes.
// The PDF embeds Noto Sans JP (pdfkit subsets it: only the glyphs used go into the file), so Japanese notes,
// decisions, action items and names come out as text. Headings stay English: the export has no locale.

export type TReviewExportFormat = "csv" | "pdf";

export function parseReviewExportFormat(value: string | null): TReviewExportFormat {
  if (value === null || value === "" || value === "csv") return "csv";
  if (value === "pdf") return "pdf";
  throw new AppError("BAD_REQUEST", `Unknown format "${value.slice(0, 40)}": use csv or pdf.`);
}

export const SECTION_LABELS: Record<string, string> = {
  newCriticalHigh: "New CRITICAL/HIGH findings", reopened: "Reopened findings", resolved: "Resolved findings",
  newlyOverdue: "Newly overdue findings", suppressionsExpiring: "Suppressions expiring within 14 days", eol: "EOL within 90 days (or past)",
  patches: "Patch compliance", checklists: "Overdue checklist items", compliance: "Compliance score change",
};

export const reviewFileName = (review: TReviewView, format: TReviewExportFormat) => `kanshi-review-${review.periodEnd.slice(0, 10)}.${format}`;

const CRLF = "\r\n";
const line = (cells: (string | number | null)[]) => cells.map((c) => csvCell(c === null ? null : String(c))).join(",") + CRLF;

export function reviewCsv(review: TReviewView): string {
  let out = "\uFEFF" + line(["kind", "section", "count", "id", "title", "detail", "owner", "due", "status", "link"]);
  for (const s of review.agenda.sections) {
    out += line(["section", s.key, s.count, null, SECTION_LABELS[s.key] ?? s.key, s.change ? `${s.change.before ?? ""} -> ${s.change.now ?? ""}` : null, null, null, null, s.href]);
    for (const i of s.items) out += line(["item", s.key, null, i.id, i.title, i.detail, null, null, null, i.href]);
  }
  for (const d of review.decisions) out += line(["decision", null, null, null, d, null, null, null, null, null]);
  for (const a of review.actionItems) out += line(["action", null, null, a.id, a.title, null, a.ownerEmail, a.dueDate, a.status, a.link]);
  return out;
}

// Loaded at run time, outside the bundler: pdfkit reads its font metrics from files next to its own code.
const runtimeRequire = () => createRequire(path.join(process.cwd(), "package.json"));
const loadPdfKit = (): typeof PDFDocumentType => {
  const name = "pdfkit";
  return runtimeRequire()(name) as typeof PDFDocumentType;
};

// The font files are resolved through the package (not a node_modules path), once per process.
const FONT_PACKAGE = "@expo-google-fonts/noto-sans-jp";
type TPdfFonts = { regular: string; bold: string };
let fontFiles: TPdfFonts | null | undefined;
export function reviewPdfFonts(): TPdfFonts | null {
  if (fontFiles !== undefined) return fontFiles;
  try {
    const resolve = (file: string) => runtimeRequire().resolve(`${FONT_PACKAGE}/${file}`);
    fontFiles = { regular: resolve("400Regular/NotoSansJP_400Regular.ttf"), bold: resolve("700Bold/NotoSansJP_700Bold.ttf") };
    if (!existsSync(fontFiles.regular) || !existsSync(fontFiles.bold)) throw new Error(`missing ${fontFiles.regular} or ${fontFiles.bold}`);
  } catch (error) {
    // Still a usable PDF without the package, but only Latin-1: say so in the log, once.
    console.error(`[review-export] ${FONT_PACKAGE} not found, the PDF falls back to Helvetica (no Japanese):`, error);
    fontFiles = null;
  }
  return fontFiles;
}
// Helvetica is WinAnsi (Latin-1) only: anything else would print as garbage in the standard fonts.
const latin = (text: string) => text.replace(/[^\u0009\u000a\u000d\u0020-\u007e\u00a0-\u00ff]/g, "?");
const day = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export async function reviewPdf(review: TReviewView): Promise<Buffer> {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: `Kanshi weekly review ${review.periodEnd.slice(0, 10)}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const fonts = reviewPdfFonts();
  if (fonts) {
    doc.registerFont("Body", fonts.regular);
    doc.registerFont("Body-Bold", fonts.bold);
  }
  const [REGULAR, BOLD] = fonts ? ["Body", "Body-Bold"] : ["Helvetica", "Helvetica-Bold"];
  const clean = fonts ? (t: string) => t : latin;
  const heading = (text: string) => doc.moveDown(0.6).font(BOLD).fontSize(13).text(clean(text)).font(REGULAR).fontSize(10);
  const text = (t: string) => doc.text(clean(t));

  doc.font(BOLD).fontSize(18).text("Kanshi weekly review");
  doc.font(REGULAR).fontSize(10);
  text(`Period: ${day(review.periodStart)} - ${day(review.periodEnd)}`);
  text(`Status: ${review.status}${review.finalizedAt ? ` (finalized ${day(review.finalizedAt)}${review.finalizedBy ? ` by ${review.finalizedBy}` : ""})` : ""}`);
  text(`Started by: ${review.createdBy ?? "-"}    Agenda as of: ${day(review.agendaAt)}`);

  heading("Attendees");
  text(review.attendees.length ? review.attendees.map((a) => a.label).join(", ") : "-");

  heading("Agenda");
  for (const s of review.agenda.sections) {
    const change = s.change ? `  (${s.change.before ?? "-"}% -> ${s.change.now ?? "-"}%)` : "";
    doc.moveDown(0.3).font(BOLD).text(clean(`${SECTION_LABELS[s.key] ?? s.key}: ${s.count}${change}`)).font(REGULAR);
    for (const i of s.items.slice(0, 20)) text(`  - ${i.title}${i.detail ? ` (${i.detail})` : ""}`);
    if (s.items.length > 20) text(`  ... and ${s.count - 20} more`);
  }

  heading("Notes");
  text(review.notes.trim() || "-");
  heading("Decisions");
  if (!review.decisions.length) text("-");
  review.decisions.forEach((d, n) => text(`${n + 1}. ${d}`));
  heading("Action items");
  if (!review.actionItems.length) text("-");
  for (const a of review.actionItems) text(`[${a.status === "done" ? "x" : " "}] ${a.title} - owner: ${a.ownerEmail ?? "-"}, due: ${a.dueDate ?? "-"}`);
  doc.end();
  return done;
}
