"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/config";
import { runAction, type ActionResult } from "./action";

/** Switches the language: remembered on this device and, when signed in, on the user's profile. */
export async function setLocaleAction(locale: string): Promise<ActionResult> {
  return runAction({ role: "anyone", schema: z.enum(LOCALES) }, locale, async ({ user, input }) => {
    (await cookies()).set(LOCALE_COOKIE, input, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
    if (user && user.locale !== input) await prisma.user.update({ where: { id: user.id }, data: { locale: input } });
    return { ok: true };
  });
}
