"use server";

import { z } from "zod";
import { inviteUser } from "@/lib/auth/invite-user";
import { ROLES } from "@/lib/auth/roles";
import { setUserActive } from "@/lib/admin/set-user-active";
import { updateUserProfile, userProfileSchema } from "@/lib/admin/update-user-profile";
import { grantedPermissionsSchema, jsonText, userNameSchema } from "@/lib/admin/schemas";
import type { ActionResult } from "@/components/admin/action-result";
import { parseActionInput, runAdminAction } from "../admin-action";

const STAFF_ROLES = ["admin", "support", "teamlead"];

const inviteSchema = z.object({
  email: z.email().max(254),
  role: z.enum(ROLES),
  name: userNameSchema.optional(),
  /** JSON text; used for admin, support and teamlead invitations. */
  grantedPermissions: jsonText(grantedPermissionsSchema).optional(),
});

/** Creates an inactive user and emails them an invitation link (lib/auth/invite-user.ts). */
export async function inviteUserAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/users", async (context) => {
    const { email, role, name, grantedPermissions } = parseActionInput(inviteSchema, input, context);
    await inviteUser({ email, role, name: name || null, invitedBy: context.actor.userId, grantedPermissions: STAFF_ROLES.includes(role) ? grantedPermissions : undefined });
    return context.t("admin.users.invited", { email });
  });
}

const profileFormSchema = userProfileSchema.extend({ grantedPermissions: jsonText(grantedPermissionsSchema).optional() });

/** Saves a user's name and staff profile (username, description, granted_permissions). */
export async function updateUserAction(input: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/users", async (context) => {
    const parsed = parseActionInput(profileFormSchema, input, context);
    const { changed } = await updateUserProfile(parsed, context.actor);
    return changed ? context.t("admin.users.updated") : context.t("admin.common.noChanges");
  });
}

const activeSchema = z.object({ userId: z.number().int().positive(), isActive: z.boolean() });

/** Activates or deactivates a user (a deactivated user is signed out on their next request). */
export async function setUserActiveAction(userId: unknown, isActive: unknown): Promise<ActionResult> {
  return runAdminAction("/admin/users", async (context) => {
    const input = parseActionInput(activeSchema, { userId, isActive }, context);
    await setUserActive(input, context.actor);
    return input.isActive ? context.t("admin.users.activated") : context.t("admin.users.deactivated");
  });
}
