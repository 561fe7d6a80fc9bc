// GET /api/users – every user with role and state; POST /api/users – create a user (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { passwordProblem } from "@/server/auth/password";
import { AppError } from "@/server/http/app-error";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { createUser, ZCreateUser } from "@/server/users/create-user";
import { listUsers } from "@/server/users/list-users";

export const GET = withAuth(async () => Response.json({ items: await listUsers() }), { role: "ADMIN" });

export const POST = withAuth(
  async (request, { user }) => {
    const input = await parseJsonBody(request, ZCreateUser);
    const problem = input.password !== undefined ? passwordProblem(input.password) : null;
    if (problem) throw new AppError("BAD_REQUEST", `password: ${problem}`);
    const created = await createUser({ input, actor: user, ip: clientIp(request.headers) });
    return Response.json(created, { status: 201 });
  },
  { role: "ADMIN" },
);
