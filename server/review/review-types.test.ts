import { describe, expect, it } from "vitest";
import { ZActionItemInput, isActionItemLink } from "./review.types";

// An action item's link is a path in Kanshi or an http(s) URL; a "path" that browsers open as another site is not.
describe("action item links", () => {
  it("accepts Kanshi paths and http(s) URLs", () => {
    for (const link of ["/findings?severity=CRITICAL", "/review/abc", "https://example.com/ticket/1", "http://jira.local/PROJ-1"]) {
      expect(isActionItemLink(link), link).toBe(true);
    }
  });

  it("refuses protocol-relative and backslash paths, other schemes and bare hosts", () => {
    for (const link of ["//evil.example/x", "/\\evil.example", "javascript:alert(1)", "ftp://host/file", "example.com", "https:///path", "https://\\host"]) {
      expect(isActionItemLink(link), link).toBe(false);
    }
    const parsed = ZActionItemInput.safeParse({ title: "x", link: "//evil.example" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["link"]);
  });
});
