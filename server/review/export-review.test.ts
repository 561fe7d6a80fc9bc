import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { reviewPdf, reviewPdfFonts } from "./export-review";
import { AGENDA_SECTIONS, type TReviewView } from "./review.types";

// The PDF export with Japanese text: Noto Sans JP is embedded (as a subset), so what the team wrote in
// Japanese comes back out of the file as text, not as "?".

const NOTE = "今週は落ち着いていた。決済アカウントで重大な検出結果が 1 件。";
const DECISION = "CIS 1.4 をベースラインとして採用する";
const ACTION = "踏み台サーバーの鍵をローテーションする";
const ATTENDEE = "山田 太郎";

function review(overrides: Partial<TReviewView> = {}): TReviewView {
  const at = "2026-11-27T09:00:00.000Z";
  return {
    id: "rv1", status: "DRAFT", periodStart: "2026-11-20T09:00:00.000Z", periodEnd: at, agendaAt: at,
    agenda: {
      periodStart: "2026-11-20T09:00:00.000Z", periodEnd: at, builtAt: at,
      // A busy week: every section full, so the size check covers a long document.
      sections: AGENDA_SECTIONS.map((key) => ({
        key, count: 25, href: null,
        items: Array.from({ length: 25 }, (_, n) => ({ id: `${key}-${n}`, title: `S3 general purpose buckets should block public access ${key} ${n}`, detail: `123456789012 · us-east-1`, href: null })),
      })),
    },
    attendees: [{ name: ATTENDEE, label: ATTENDEE }, { name: "Alice Example", label: "Alice Example" }],
    notes: NOTE, decisions: [DECISION, "Adopt CIS 1.4"], createdBy: "analyst@example.com", createdAt: at, updatedAt: at, finalizedBy: null, finalizedAt: null,
    actionItems: [
      { id: "a1", reviewId: "rv1", title: ACTION, ownerId: null, ownerEmail: "担当 花子 <hanako@example.com>", dueDate: "2026-12-04", status: "open", link: null, createdAt: at, doneAt: null, overdue: false },
      { id: "a2", reviewId: "rv1", title: "Renew the WAF certificate", ownerId: null, ownerEmail: null, dueDate: null, status: "done", link: null, createdAt: at, doneAt: at, overdue: false },
    ],
    ...overrides,
  };
}

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("review PDF export", () => {
  it("resolves Noto Sans JP through its package", () => {
    const fonts = reviewPdfFonts();
    expect(fonts?.regular).toMatch(/@expo-google-fonts\/noto-sans-jp\/400Regular\/NotoSansJP_400Regular\.ttf$/);
    expect(fonts?.bold).toMatch(/@expo-google-fonts\/noto-sans-jp\/700Bold\/NotoSansJP_700Bold\.ttf$/);
  });

  it("writes Japanese notes, decisions, action items and attendee names as text", async () => {
    const text = await textOf(await reviewPdf(review()));
    for (const expected of [NOTE, DECISION, ACTION, ATTENDEE, "担当 花子 <hanako@example.com>"]) expect(text).toContain(expected);
    expect(text).toContain("Kanshi weekly review");
    expect(text).toContain("Period: 2026-11-20 09:00 UTC - 2026-11-27 09:00 UTC");
    expect(text).toContain("[x] Renew the WAF certificate - owner: -, due: -");
    expect(text).not.toContain("???");
  });

  it("embeds only a subset of the 5 MB fonts", async () => {
    const pdf = await reviewPdf(review());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Measured: about 28 KB for this review (two subsets of Noto Sans JP, 9 KB with no content); each whole font is 5.4 MB.
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.length).toBeLessThan(100_000);
    const empty = await reviewPdf(review({ agenda: { ...review().agenda, sections: [] }, actionItems: [], decisions: [], notes: "", attendees: [] }));
    expect(empty.length).toBeLessThan(30_000);
  });
});
