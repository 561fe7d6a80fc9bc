// GET /api/me – the signed-in user; PATCH /api/me – their own preferences (language)
import { cookies } from "next/headers";
import { withAuth } from "@/server/auth/guard";
import { clientIp } from "@/server/http/client-info";
import { parseJsonBody } from "@/server/http/to-response";
import { LOCALE_COOKIE } from "@/server/i18n/locales.types";
import { updatePreferences, ZPreferences } from "@/server/users/update-preferences";

export const GET = withAuth(async (_request, { user }) => Response.json(user), { role: "VIEWER" });

export const PATCH = withAuth(
  async (request, { user }) => {
    const input = await parseJsonBody(request, ZPreferences);
    const result = await updatePreferences({ actor: user, input, ip: clientIp(request.headers) });
    const jar = await cookies();
    if (result.locale) jar.set(LOCALE_COOKIE, result.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    else jar.delete(LOCALE_COOKIE);
    return Response.json(result);
  },
  { role: "VIEWER" },
);
