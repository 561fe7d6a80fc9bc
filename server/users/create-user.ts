import "server-only";
import { z } from "zod";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import { ROLES, type TRole } from "@/server/auth/roles.types";
import { AppError } from "@/server/http/app-error";

export const ZCreateUser = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "must be an e-mail address" })),
  name: z.string().trim().max(200).optional(),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }),
  /** omitted for users who sign in only through SSO */
  password: z.string().optional(),
});

/** Creates a user; a taken e-mail is a CONFLICT. The actor is null when created from the command line. */
export async function createUser(options: {
  input: z.input<typeof ZCreateUser>;
  actor: { id: string; email: string } | null;
  ip?: string | null;
}): Promise<{ id: string; email: string; role: TRole }> {
  const input = ZCreateUser.parse(options.input);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `A user with the e-mail ${input.email} already exists.`);
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name ?? null, role: input.role, passwordHash },
      select: { id: true, email: true, role: true },
    });
    await recordAudit(
      {
        actor: options.actor,
        actorEmail: options.actor ? undefined : "cli",
        action: "user.create",
        target: { type: "user", id: user.id },
        after: { email: user.email, role: user.role, password: passwordHash ? "set" : "none" },
        ip: options.ip,
      },
      tx,
    );
    return user;
  });
}
