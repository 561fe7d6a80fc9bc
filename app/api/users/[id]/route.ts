// PATCH /api/users/:id – change a user's role or disable/enable them (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { updateUser, ZUpdateUser } from "@/server/users/update-user";

export const PATCH = withAuth<{ id: string }>(
  async (request, { user, params }) => {
    const input = await parseJsonBody(request, ZUpdateUser);
    const updated = await updateUser({ actor: user, userId: params.id, input, ip: clientIp(request.headers) });
    return Response.json(updated);
  },
  { role: "ADMIN" },
);
