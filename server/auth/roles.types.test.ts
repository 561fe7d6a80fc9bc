import { describe, expect, it } from "vitest";
import { hasRole, ROLES, type TRole } from "./roles.types";

describe("hasRole", () => {
  const cases: [TRole, TRole, boolean][] = [
    ["ADMIN", "ADMIN", true],
    ["ADMIN", "ANALYST", true],
    ["ADMIN", "VIEWER", true],
    ["ANALYST", "ADMIN", false],
    ["ANALYST", "ANALYST", true],
    ["ANALYST", "VIEWER", true],
    ["VIEWER", "ADMIN", false],
    ["VIEWER", "ANALYST", false],
    ["VIEWER", "VIEWER", true],
  ];
  it.each(cases)("%s has the rights of %s: %s", (role, required, expected) => {
    expect(hasRole(role, required)).toBe(expected);
  });
  it("covers every role", () => {
    expect(new Set(cases.map(([r]) => r))).toEqual(new Set(ROLES));
  });
});
