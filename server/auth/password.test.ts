import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores an argon2id hash, never the password, salted per hash", async () => {
    const a = await hashPassword("a long enough password");
    const b = await hashPassword("a long enough password");
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toContain("a long enough password");
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("a long enough password");
    expect(await verifyPassword(hash, "a long enough password")).toBe(true);
    expect(await verifyPassword(hash, "a long enough passwore")).toBe(false);
  });

  it("treats a malformed stored hash as a failed check", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("asks for at least 12 characters", () => {
    expect(passwordProblem("short")).toMatch(/12 characters/);
    expect(passwordProblem("twelve chars")).toBeNull();
  });
});
