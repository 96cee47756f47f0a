import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { isStaffRole, type StaffRole } from "@/lib/auth/permissions";
import { assertAdmin, assertUserManager } from "@/lib/auth/assert-admin";
import { changedFields } from "@/lib/audit/changed-fields";
import { grantedPermissionsSchema, usernameSchema, userNameSchema } from "@/lib/validation/schemas";
import { parseInput } from "@/lib/validation/messages";

/** What an admin may change on a user; the role-specific fields apply to the roles that have them. */
export const userProfileSchema = z.object({
  userId: z.number().int().positive(),
  name: userNameSchema.optional(),
  /** admin, support and teamlead profiles. */
  username: usernameSchema.optional(),
  /** support profiles. */
  roleDescription: z.string().trim().max(500).optional(),
  /**
   * admin, support and teamlead profiles: permission → true/false, checked against the user's
   * role's catalog once the role is known (grantedPermissionsSchema).
   */
  grantedPermissions: z.record(z.string(), z.boolean()).optional(),
});

export type UserProfileInput = z.input<typeof userProfileSchema>;

interface StaffProfile {
  username: string;
  roleDescription?: string | null;
  grantedPermissions: Prisma.JsonValue;
}

function staffProfile(tx: Tx, role: StaffRole, userId: number): Promise<StaffProfile | null> {
  if (role === "admin") return tx.admin.findUnique({ where: { userId }, select: { username: true, grantedPermissions: true } });
  if (role === "support") return tx.support.findUnique({ where: { userId }, select: { username: true, roleDescription: true, grantedPermissions: true } });
  return tx.teamlead.findUnique({ where: { userId }, select: { username: true, grantedPermissions: true } });
}

async function saveStaffProfile(tx: Tx, role: StaffRole, userId: number, data: Partial<StaffProfile>) {
  const patch = { username: data.username, grantedPermissions: data.grantedPermissions as Prisma.InputJsonValue | undefined };
  if (role === "admin") await tx.admin.update({ where: { userId }, data: patch });
  else if (role === "teamlead") await tx.teamlead.update({ where: { userId }, data: patch });
  else await tx.support.update({ where: { userId }, data: { ...patch, roleDescription: data.roleDescription } });
}

/**
 * Changes a user's name and, for admin, support and teamlead users, their profile's username,
 * granted_permissions and, for support, the role description — one audit row with the old and
 * new value of each changed field. Fields a role does not have are refused rather than ignored;
 * so are permissions outside the role's catalog. granted_permissions is stored as the
 * overrides of the role's defaults only (lib/auth/permissions.ts), replacing what was there,
 * keys of older data included. Changing an admin needs users.manage_admins (assertUserManager).
 */
export async function updateUserProfile(input: UserProfileInput, actor: Actor): Promise<{ changed: boolean }> {
  const { userId, name, ...profilePatch } = parseInput(userProfileSchema, input);
  try {
    return await runTransaction(async (tx) => {
      await assertAdmin(tx, actor);
      const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`;
      if (!locked) throw new DomainError("user_not_found");
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, role: { select: { name: true } } } });
      const role = user.role.name;
      await assertUserManager(tx, actor, role);
      const isStaff = isStaffRole(role);
      for (const field of ["username", "grantedPermissions", "roleDescription"] as const) {
        const allowed = field === "roleDescription" ? role === "support" : isStaff;
        if (profilePatch[field] !== undefined && !allowed) {
          throw new DomainError("field_not_for_role", `A ${role} has no ${field}.`, { param: field });
        }
      }
      if (isStaff && profilePatch.grantedPermissions) {
        profilePatch.grantedPermissions = parseInput(z.object({ grantedPermissions: grantedPermissionsSchema(role) }), profilePatch).grantedPermissions;
      }
      const profile = isStaff ? await staffProfile(tx, role, userId) : null;
      const current = { name: user.name ?? "", ...(profile ?? {}) };
      const { oldValues, newValues, changed } = changedFields<Record<string, unknown>>(current, { name, ...profilePatch });
      if (!changed) return { changed: false };
      const { name: newName, ...profileChanges } = newValues as Partial<StaffProfile> & { name?: string };
      if (newName !== undefined) await tx.user.update({ where: { id: userId }, data: { name: newName || null } });
      if (isStaff && Object.keys(profileChanges).length) await saveStaffProfile(tx, role, userId, profileChanges);
      await recordAudit(tx, actor, { action: "user_updated", entityType: "user", entityId: userId, oldValues, newValues });
      return { changed: true };
    });
  } catch (error) {
    // The username is unique per role table.
    if ((error as { code?: string })?.code === "P2002") throw new DomainError("username_taken", undefined, { param: "username" });
    throw error;
  }
}
