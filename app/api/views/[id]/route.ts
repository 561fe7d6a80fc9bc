// DELETE /api/views/:id – delete a saved view (its owner; an admin for shared views)
import { withAuth } from "@/server/auth/guard";
import { deleteView } from "@/server/findings/saved-views";
import { clientIp } from "@/server/http/client-info";

export const DELETE = withAuth<{ id: string }>(
  async (request, { user, params }) => {
    await deleteView(params.id, user, clientIp(request.headers));
    return new Response(null, { status: 204 });
  },
  { role: "VIEWER" },
);
