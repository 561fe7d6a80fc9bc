import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { MESSAGES } from "./messages";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type TLocale } from "./locales.types";

/** The user's own setting first, then the language cookie (set on the login page), then Accept-Language. */
export async function resolveLocale(): Promise<TLocale> {
  const user = await getCurrentUser().catch(() => null);
  if (user?.locale) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = MESSAGES[locale];
  return { locale, messages, timeZone: "UTC" };
});
