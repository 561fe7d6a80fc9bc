import "server-only";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/login-page-info";

/** Creates the three demo users that are missing (demo mode only). Existing ones are left as they are. */
export async function seedDemoUsers(): Promise<number> {
  let created = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demo.email }, select: { id: true } })) continue;
    const user = await db.user.create({ data: { email: demo.email, name: demo.name, role: demo.role, passwordHash } });
    await recordAudit({ actor: null, actorEmail: "seed", action: "user.create", target: { type: "user", id: user.id }, after: { email: demo.email, role: demo.role, via: "demo seed" } });
    created++;
  }
  return created;
}
