// DELETE /api/users/:id/sessions – sign the user out everywhere (ADMIN)
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { revokeUserSessions } from "@/server/users/revoke-user-sessions";

export const DELETE = withAuth<{ id: string }>(
  async (request, { user, params }) => {
    await revokeUserSessions({ actor: user, userId: params.id, ip: clientIp(request.headers) });
    return new Response(null, { status: 204 });
  },
  { role: "ADMIN" },
);
