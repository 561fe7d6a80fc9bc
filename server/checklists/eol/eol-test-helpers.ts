import "server-only";
import { randomUUID } from "node:crypto";
import { createTestUser } from "@/prisma/factories/user";
import type { TSessionUser } from "@/server/auth/roles.types";
import { getCatalog } from "./catalog";

/** An analyst session user for service tests. */
export async function analystUser(): Promise<TSessionUser> {
  const u = await createTestUser({ role: "ANALYST" });
  return { id: u.id, email: u.email, name: null, role: "ANALYST", locale: null };
}

/** A unique text to find a test's own rows in the shared inventory (tests run in parallel on one database). */
export const testTag = () => `t${randomUUID().slice(0, 8)}`;

/** A catalog product and cycle with a dated end of life (and, when wanted, an end of active support). */
export function datedCycle(withEoas = false) {
  for (const product of getCatalog().products) {
    for (const cycle of product.cycles) {
      if (typeof cycle.eol === "string" && (!withEoas || (typeof cycle.eoas === "string" && cycle.eoas !== cycle.eol))) {
        return { slug: product.slug, title: product.title, cycle: cycle.cycle, eol: cycle.eol, eoas: typeof cycle.eoas === "string" ? cycle.eoas : null };
      }
    }
  }
  throw new Error("the catalog has no dated cycle");
}

/** The day `days` before an ISO date (YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
