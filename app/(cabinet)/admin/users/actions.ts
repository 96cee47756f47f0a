"use server";

import { z } from "zod";
import { inviteUser } from "@/lib/auth/invite-user";
import { isStaffRole } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { setUserActive } from "@/lib/users/set-user-active";
import { updateUserProfile, userProfileSchema } from "@/lib/users/update-user-profile";
import { grantedPermissionsSchema, userNameSchema } from "@/lib/validation/schemas";
import type { ActionResult } from "@/components/admin/action-result";
import { parseActionInput, runAdminAction } from "../admin-action";

const inviteSchema = z.object({
  email: z.email().max(254),
  role: z.enum(ROLES),
  name: userNameSchema.optional(),
  /** The editor's ticks (permission → true/false); used for admin, support and teamlead invitations. */
  grantedPermissions: z.record(z.string(), z.boolean()).optional(),
});

/**
 * Creates an inactive user and emails them an invitation link (lib/auth/invite-user.ts; an
 * admin invitation needs users.manage_admins). A staff user's permissions are checked against
 * their role's catalog and stored as the overrides of its defaults.
 */
export async function inviteUserAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/users", "users.manage", async (context) => {
    const { email, role, name, grantedPermissions } = parseActionInput(inviteSchema, input, context);
    const overrides = isStaffRole(role)
      ? parseActionInput(z.object({ grantedPermissions: grantedPermissionsSchema(role) }), { grantedPermissions: grantedPermissions ?? {} }, context).grantedPermissions
      : undefined;
    await inviteUser({ email, role, name: name || null, invitedBy: context.actor.userId, grantedPermissions: overrides });
    return context.t("admin.users.invited", { email });
  });
}

/** Saves a user's name and staff profile (username, description, granted_permissions; an admin's needs users.manage_admins). */
export async function updateUserAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/users", "users.manage", async (context) => {
    const parsed = parseActionInput(userProfileSchema, input, context);
    const { changed } = await updateUserProfile(parsed, context.actor);
    return changed ? context.t("admin.users.updated") : context.t("admin.common.noChanges");
  });
}

const activeSchema = z.object({ userId: z.number().int().positive(), isActive: z.boolean() });

/** Activates or deactivates a user (a deactivated user is signed out on their next request). */
export async function setUserActiveAction(userId: unknown, isActive: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/users", "users.manage", async (context) => {
    const input = parseActionInput(activeSchema, { userId, isActive }, context);
    await setUserActive(input, context.actor);
    return input.isActive ? context.t("admin.users.activated") : context.t("admin.users.deactivated");
  });
}
