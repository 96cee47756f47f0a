"use server";

import { cookies } from "next/headers";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/web/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/** Switches the language: remembered on this device and, when signed in, on the user's profile. */
export async function setLocaleAction(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const user = await getCurrentUser();
  if (user && user.locale !== locale) await prisma.user.update({ where: { id: user.id }, data: { locale } });
  return { ok: true };
}
