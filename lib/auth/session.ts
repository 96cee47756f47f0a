import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";
import { isRole, type Role } from "./roles";

export interface CurrentUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  locale: string;
}

/**
 * The signed-in user, re-read from the database on every request (once per render thanks to
 * `cache`), so a deactivated user or a changed role takes effect at once, not when the JWT
 * expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  const user = await prisma.user.findUnique({ where: { id }, include: { role: true } });
  if (!user || !user.isActive || !isRole(user.role.name)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role.name, locale: user.locale };
});

/** For pages and server actions: the user when they have `role`; otherwise /login or a 403. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.role !== role) forbidden();
  return user;
}
