import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./auth-options";
import { effectivePermissions, isStaffRole, type PermissionOf, type RolePermissions, type StaffRole } from "@/lib/auth/permissions";
import { isRole, type Role } from "@/lib/auth/roles";

interface UserOfRole<R extends Role> {
  id: number;
  email: string;
  name: string | null;
  role: R;
  locale: string;
  /** What an admin, support or teamlead may do in their cabinet (lib/auth/permissions.ts); empty for other roles. */
  permissions: RolePermissions<R>;
  /** A trader's trader profile (null until an admin has created one); null for other roles. */
  traderId: R extends "trader" ? number | null : null;
  /**
   * Signed in without 2FA though the role must have it (security.require_2fa_roles): cabinet
   * pages send this session to the enrolment page and server actions refuse, until the user has
   * enrolled and signed in again.
   */
  twoFactorSetupRequired: boolean;
}

/** A signed-in user; without `R`, a union over the roles, so checking `role` narrows `permissions`. */
export type CurrentUser<R extends Role = Role> = { [K in R]: UserOfRole<K> }[R];

const PROFILE_PERMISSIONS = { select: { grantedPermissions: true } } as const;

/**
 * The signed-in user, re-read from the database on every request (once per render thanks to
 * `cache`), so a deactivated user (or trader profile), a changed role or changed permissions
 * take effect at once, not when the JWT expires: a deactivated user, or a session signed in
 * before the user's session_version was bumped, is treated as signed out.
 * One primary-key query (relationJoins) reads the user, role and profiles.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  // A session from before session versions existed counts as version 0.
  return currentUserById(id, session?.user?.sessionVersion ?? 0, session?.user?.mfa === "setup_required");
});

/** Where a session that must enrol in 2FA first is sent (app/(cabinet)/account/security). */
export const TWO_FACTOR_SETUP_PATH = "/account/security";

/**
 * The user behind a session's user id, or null when they may not use a cabinet (gone,
 * deactivated, unknown role) or the session is older than their session_version (signed in
 * before a password change, a deactivation or "sign out everywhere").
 */
async function currentUserById(id: number, sessionVersion: number, twoFactorSetupRequired: boolean): Promise<CurrentUser | null> {
  const user = await prisma.user.findUnique({
    where: { id },
    include: {
      role: true,
      admin: PROFILE_PERMISSIONS,
      support: PROFILE_PERMISSIONS,
      teamlead: PROFILE_PERMISSIONS,
      trader: { select: { id: true, isActive: true } },
    },
  });
  if (!user || !user.isActive || user.sessionVersion !== sessionVersion || !isRole(user.role.name)) return null;
  const role = user.role.name;
  if (role === "trader" && user.trader && !user.trader.isActive) return null;
  const permissions = isStaffRole(role) ? effectivePermissions(role, user[role]?.grantedPermissions) : {};
  const traderId = role === "trader" ? (user.trader?.id ?? null) : null;
  return { id: user.id, email: user.email, name: user.name, role, locale: user.locale, permissions, traderId, twoFactorSetupRequired } as CurrentUser;
}

/**
 * For pages and server actions: the user when they have `role`; otherwise /login or a 403, and
 * the 2FA enrolment page for a session that must enrol first (runAction refuses such a session
 * with a message before it gets here).
 */
export async function requireRole<R extends Role>(role: R): Promise<CurrentUser<R>> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.role !== role) forbidden();
  if (user.twoFactorSetupRequired) redirect(TWO_FACTOR_SETUP_PATH);
  return user as CurrentUser<R>;
}

/**
 * For pages and server actions of what a permission covers: the user when they have `role` and
 * `permission` (any one of several, for a page that serves more than one); otherwise /login
 * for a signed-out caller and a 403 for another role or a missing permission. Hiding a button
 * is not authorisation: every such action and page calls this.
 */
export async function requirePermission<R extends StaffRole>(role: R, permission: PermissionOf<R> | readonly PermissionOf<R>[]): Promise<CurrentUser<R>> {
  const user = await requireRole(role);
  const anyOf: readonly PermissionOf<R>[] = typeof permission === "string" ? [permission] : permission;
  const permissions = user.permissions as Record<PermissionOf<R>, boolean>;
  if (!anyOf.some((name) => permissions[name])) forbidden();
  return user;
}
