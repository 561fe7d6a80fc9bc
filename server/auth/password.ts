import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed check, never a crash of the sign-in route.
    return false;
  }
}

/** Rules for passwords set by people (the demo password is seeded, not chosen). */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "The password must be at least 12 characters long.";
  if (password.length > 256) return "The password must be at most 256 characters long.";
  return null;
}
