import { describe, expect, it } from "vitest";
import { combineStatuses, computeScopeFigures, controlStatus, figuresOf, type TControlCounts, type TControlRow } from "./compute-scores";

// Hand-worked examples of Security Hub's control status and security score.
const counts = (over: Partial<TControlCounts>): TControlCounts => ({ active: 1, passed: 0, failed: 0, warning: 0, notAvailable: 0, ...over });

describe("control status", () => {
  it("follows Security Hub: FAILED beats everything, WARNING / NOT_AVAILABLE are unknown, PASSED only when all pass", () => {
    expect(controlStatus(counts({ active: 3, passed: 2, failed: 1 }))).toBe("FAILED");
    expect(controlStatus(counts({ active: 3, passed: 1, failed: 1, warning: 1 }))).toBe("FAILED");
    expect(controlStatus(counts({ active: 2, passed: 1, warning: 1 }))).toBe("UNKNOWN");
    expect(controlStatus(counts({ active: 2, notAvailable: 2 }))).toBe("UNKNOWN");
    expect(controlStatus(counts({ active: 4, passed: 4 }))).toBe("PASSED");
  });

  it("a control whose active findings are all suppressed has no data; one without active findings is disabled (not counted)", () => {
    expect(controlStatus(counts({ active: 2 }))).toBe("NO_DATA");
    expect(controlStatus(counts({ active: 0 }))).toBeNull();
  });

  it("combines across accounts: worst status with data wins, no data and disabled do not mask anything", () => {
    expect(combineStatuses("PASSED", "FAILED")).toBe("FAILED");
    expect(combineStatuses("UNKNOWN", "PASSED")).toBe("UNKNOWN");
    expect(combineStatuses("NO_DATA", "PASSED")).toBe("PASSED");
    expect(combineStatuses(null, "NO_DATA")).toBe("NO_DATA");
    expect(combineStatuses(null, null)).toBeNull();
  });
});

describe("security score", () => {
  it("is passed / (passed + failed + unknown); no-data controls are left out; null without data", () => {
    // 6 passed, 2 failed, 1 unknown, 3 no data: 6 / 9 = 66.67 %
    const f = figuresOf([...Array(6).fill("PASSED"), "FAILED", "FAILED", "UNKNOWN", "NO_DATA", "NO_DATA", "NO_DATA", null]);
    expect(f).toMatchObject({ passed: 6, failed: 2, unknown: 1, noData: 3 });
    expect(f.score).toBeCloseTo(66.667, 2);
    expect(figuresOf(["NO_DATA", null]).score).toBeNull();
    expect(figuresOf([]).score).toBeNull();
  });
});

describe("scopes: accounts, OUs with sub-OUs, organization", () => {
  // root ─ prod ─ web      (account A in prod, B in web, C in dev, D without OU)
  //      └ dev
  const ous = [{ id: "r-root", parentId: null }, { id: "ou-prod", parentId: "r-root" }, { id: "ou-web", parentId: "ou-prod" }, { id: "ou-dev", parentId: "r-root" }];
  const accounts = [{ id: "A", ouId: "ou-prod" }, { id: "B", ouId: "ou-web" }, { id: "C", ouId: "ou-dev" }, { id: "D", ouId: null }];
  const row = (accountId: string, controlId: string, over: Partial<TControlCounts>, standard = "fsbp"): TControlRow => ({ standard, accountId, controlId, ...counts(over) });

  const rows: TControlRow[] = [
    // S3.1 passes in A, fails in B: failed for prod (sub-OU web included) and the organization
    row("A", "S3.1", { passed: 1 }), row("B", "S3.1", { passed: 1, failed: 1, active: 2 }),
    // IAM.1 passes in A and B
    row("A", "IAM.1", { passed: 2, active: 2 }), row("B", "IAM.1", { passed: 1 }),
    // EC2.1: only NOT_AVAILABLE in A (unknown), no data (all suppressed) in B
    row("A", "EC2.1", { notAvailable: 1 }), row("B", "EC2.1", { active: 1 }),
    // KMS.1: disabled in A (archived only: not in the rows' active count), passes in C
    row("A", "KMS.1", { active: 0 }), row("C", "KMS.1", { passed: 1 }),
    // CIS in D only
    row("D", "IAM.4", { failed: 1 }, "cis"),
  ];
  const r = computeScopeFigures(rows, accounts, ous);

  it("accounts", () => {
    expect(r.accounts.get("A")?.get("fsbp")).toEqual({ passed: 2, failed: 0, unknown: 1, noData: 0, score: (2 / 3) * 100 });
    expect(r.accounts.get("B")?.get("fsbp")).toEqual({ passed: 1, failed: 1, unknown: 0, noData: 1, score: 50 });
    expect(r.accounts.get("C")?.get("fsbp")).toEqual({ passed: 1, failed: 0, unknown: 0, noData: 0, score: 100 });
    expect(r.accounts.get("D")?.get("fsbp")).toBeUndefined();
    expect(r.accounts.get("D")?.get("cis")).toMatchObject({ failed: 1, score: 0 });
  });

  it("an OU aggregates its sub-OUs' controls: failing in one account of two fails the control", () => {
    // prod = A + B: S3.1 FAILED, IAM.1 PASSED, EC2.1 UNKNOWN (unknown beats no data): 1 / 3
    expect(r.ous.get("ou-prod")?.get("fsbp")).toEqual({ passed: 1, failed: 1, unknown: 1, noData: 0, score: (1 / 3) * 100 });
    expect(r.ous.get("ou-web")?.get("fsbp")).toEqual(r.accounts.get("B")?.get("fsbp"));
    expect(r.ous.get("ou-dev")?.get("fsbp")).toMatchObject({ passed: 1, score: 100 });
  });

  it("the organization counts each control once over all accounts (not the mean of account scores)", () => {
    // S3.1 FAILED, IAM.1 PASSED, EC2.1 UNKNOWN, KMS.1 PASSED (disabled in A, passing in C): 2 / 4 = 50 %
    expect(r.org.get("fsbp")).toEqual({ passed: 2, failed: 1, unknown: 1, noData: 0, score: 50 });
    // the mean of account scores would be (66.7 + 50 + 100) / 3 = 72.2
    expect(r.org.get("cis")).toEqual({ passed: 0, failed: 1, unknown: 0, noData: 0, score: 0 });
    expect(r.ous.get("r-root")?.get("fsbp")).toEqual(r.org.get("fsbp"));
  });
});
