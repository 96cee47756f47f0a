"use server";

import { z } from "zod";
import { inviteUser } from "@/lib/auth/invite-user";
import { isStaffRole } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { resetUserTwoFactor } from "@/lib/auth/two-factor";
import { endUserSessions } from "@/lib/users/end-sessions";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUserProfile, userProfileSchema } from "@/lib/users/update-user-profile";
import { grantedPermissionsSchema, userNameSchema } from "@/lib/validation/schemas";
import { runAction, type ActionResult } from "@/lib/web/action";

const inviteSchema = z.object({
  email: z.email().max(254),
  role: z.enum(ROLES),
  name: userNameSchema.optional(),
  /** The editor's ticks (permission → true/false); used for admin, support and teamlead invitations. */
  grantedPermissions: z.record(z.string(), z.boolean()).optional(),
});
const activeSchema = z.object({ userId: z.number().int().positive(), isActive: z.boolean() });
const manage = { role: "admin", permission: "users.manage", revalidate: "/admin/users" } as const;

/**
 * Creates an inactive user and emails them an invitation link (lib/auth/invite-user.ts; an
 * admin invitation needs users.manage_admins). A staff user's permissions are checked against
 * their role's catalog and stored as the overrides of its defaults.
 */
export async function inviteUserAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: inviteSchema }, input, async ({ input: { email, role, name, grantedPermissions }, actor, t, parse }) => {
    const overrides = isStaffRole(role)
      ? parse(z.object({ grantedPermissions: grantedPermissionsSchema(role) }), { grantedPermissions: grantedPermissions ?? {} }).grantedPermissions
      : undefined;
    await inviteUser({ email, role, name: name || null, invitedBy: actor.userId, grantedPermissions: overrides });
    return { ok: true, message: t("admin.users.invited", { email }) };
  });
}

/** Saves a user's name and staff profile (username, description, granted_permissions; an admin's needs users.manage_admins). */
export async function updateUserAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: userProfileSchema }, input, async ({ input, actor, t }) => {
    const { changed } = await updateUserProfile(input, actor);
    return { ok: true, message: changed ? t("admin.users.updated") : t("admin.common.noChanges") };
  });
}

/** Activates or deactivates a user (a deactivated user is signed out on their next request). */
export async function setUserActiveAction(userId: unknown, isActive: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: activeSchema }, { userId, isActive }, async ({ input, actor, t }) => {
    await setUserActive(input, actor);
    return { ok: true, message: input.isActive ? t("admin.users.activated") : t("admin.users.deactivated") };
  });
}

const endSessionsSchema = z.object({ userId: z.number().int().positive() });

/** Signs a user out everywhere (every session ends on its next request; audited as sessions_ended). */
export async function endUserSessionsAction(userId: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: endSessionsSchema }, { userId }, async ({ input, actor, t }) => {
    const { email } = await endUserSessions(input, actor);
    return { ok: true, message: t("admin.users.sessionsEnded", { email }) };
  });
}

/** Turns a user's two-factor sign-in off (a lost phone without recovery codes); their sessions end; audited as two_factor_reset. */
export async function resetUserTwoFactorAction(userId: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ ...manage, schema: endSessionsSchema }, { userId }, async ({ input, actor, t }) => {
    const { email } = await resetUserTwoFactor(input, actor);
    return { ok: true, message: t("admin.users.twoFactorReset", { email }) };
  });
}
