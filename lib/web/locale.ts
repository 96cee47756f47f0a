import "server-only";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/web/session";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTranslator, type Translate } from "@/lib/i18n/translate";

/**
 * The language to render in: the signed-in user's choice (kept on their profile, so it follows
 * them to any device), else this device's cookie, else the browser's Accept-Language.
 */
export async function getLocale(): Promise<Locale> {
  const user = await getCurrentUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

/** `t` for server components and actions, in the request's language. */
export async function getTranslator(): Promise<{ t: Translate; locale: Locale }> {
  const locale = await getLocale();
  return { t: createTranslator(locale, MESSAGES[locale]), locale };
}
