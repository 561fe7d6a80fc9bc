import { describe, expect, it } from "vitest";
import { ADDABLE_FIELDS, activeChips, closedFindingsHref, effectiveList, filterQuery, findingsHref, listQuery, removeField, setClosedRange, toggleSeverity } from "./filter-query";

const params = (query: string) => new URLSearchParams(query);

describe("findings filter in the URL", () => {
  it("passes the page query to the API without cursor and drawer id, commas kept readable", () => {
    const p = params("severity=CRITICAL%2CMEDIUM&sort=due&cursor=abc&finding=f1&q=s3 bucket");
    expect(listQuery(p)).toBe("severity=CRITICAL,MEDIUM&sort=due&q=s3%20bucket");
    expect(filterQuery(p)).toBe("severity=CRITICAL,MEDIUM&q=s3%20bucket");
  });

  it("reads the defaults and 'all'", () => {
    expect(effectiveList(params(""), "severity")).toEqual(["CRITICAL", "HIGH"]);
    expect(effectiveList(params("status=all"), "status")).toEqual(["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"]);
    expect(effectiveList(params("severity=low,critical"), "severity")).toEqual(["CRITICAL", "LOW"]);
  });

  it("toggles a severity, writing nothing for the default and 'all' for none left", () => {
    const p = params("");
    toggleSeverity(p, "MEDIUM");
    expect(p.get("severity")).toBe("CRITICAL,HIGH,MEDIUM");
    toggleSeverity(p, "MEDIUM");
    expect(p.has("severity")).toBe(false);
    const only = params("severity=LOW");
    toggleSeverity(only, "LOW");
    expect(only.get("severity")).toBe("all");
  });

  it("shows defaulted severity and status as chips; removing one removes the constraint", () => {
    const p = params("account=123456789012&firstSeenFrom=2026-01-01&record=archived");
    expect(activeChips(p).map((chip) => [chip.field, chip.isDefault])).toEqual([
      ["severity", true],
      ["status", true],
      ["account", false],
      ["firstSeen", false],
      ["record", false],
    ]);
    removeField(p, "severity");
    removeField(p, "firstSeen");
    expect(p.get("severity")).toBe("all");
    expect(p.has("firstSeenFrom")).toBe(false);
    expect(activeChips(p).some((chip) => chip.field === "severity")).toBe(false);
  });

  it("builds page links", () => {
    expect(findingsHref("")).toBe("/findings");
    expect(findingsHref("severity=LOW&cursor=x", "f2")).toBe("/findings?severity=LOW&finding=f2");
  });

  it("keeps a closed range in the URL as one removable chip, widening default status and record", () => {
    const href = closedFindingsHref("2026-11-02", "2026-11-08", "CRITICAL");
    expect(href).toBe("/findings?severity=CRITICAL&closedFrom=2026-11-02&closedTo=2026-11-08&status=all&record=all");
    const p = new URLSearchParams(href.split("?")[1]);
    expect(filterQuery(p)).toContain("closedFrom=2026-11-02&closedTo=2026-11-08");
    expect(activeChips(p).find((chip) => chip.field === "closed")).toEqual({ field: "closed", values: ["2026-11-02", "2026-11-08"], isDefault: false });
    removeField(p, "closed");
    expect(p.has("closedFrom") || p.has("closedTo")).toBe(false);
    // a status the person chose stays
    const chosen = params("status=RESOLVED");
    setClosedRange(chosen, "2026-11-02", "");
    expect(chosen.get("status")).toBe("RESOLVED");
    expect(chosen.get("record")).toBe("all");
    expect(chosen.has("closedTo")).toBe(false);
  });

  it("keeps a review section as one removable chip that is not offered under + Filter; compliance is a filter like others", () => {
    const p = params("review=crev1&reviewSection=resolved&severity=all&status=all&record=all&compliance=FAILED");
    expect(activeChips(p).map((chip) => [chip.field, chip.values])).toEqual([
      ["review", ["crev1", "resolved"]],
      ["compliance", ["FAILED"]],
      ["record", ["all"]],
    ]);
    expect(filterQuery(p)).toBe("review=crev1&reviewSection=resolved&severity=all&status=all&record=all&compliance=FAILED");
    expect(ADDABLE_FIELDS).not.toContain("review");
    expect(ADDABLE_FIELDS).toContain("compliance");
    removeField(p, "review");
    expect(p.has("review") || p.has("reviewSection")).toBe(false);
  });
});
