// POST /api/locale – the language before sign-in (a cookie); signed-in users use PATCH /api/me
import { cookies } from "next/headers";
import { z } from "zod";
import { withErrors } from "@/server/auth/guard";
import { parseJsonBody } from "@/server/http/to-response";
import { LOCALE_COOKIE, LOCALES } from "@/server/i18n/locales.types";

const ZBody = z.object({ locale: z.enum(LOCALES, { message: `must be one of ${LOCALES.join(", ")}` }) }).strict();

export const POST = withErrors(async (request) => {
  const { locale } = await parseJsonBody(request, ZBody);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return Response.json({ locale });
});
