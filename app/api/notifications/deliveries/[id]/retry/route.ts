// POST /api/notifications/deliveries/:id/retry – "Retry now": sends a failed or pending delivery at once (ADMIN)
import { z } from "zod";
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { ZDeliveryId } from "@/server/notifications/notifications.types";
import { retryDelivery } from "@/server/notifications/retry-delivery";

export const POST = withAuth<{ id: string }>(
  async (request, { user, params }) => {
    const { id: deliveryId } = z.object({ id: ZDeliveryId }).parse(params);
    return Response.json(await retryDelivery({ deliveryId, actor: user, ip: clientIp(request.headers) }));
  },
  { role: "ADMIN" },
);
