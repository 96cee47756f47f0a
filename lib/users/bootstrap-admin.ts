import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { createRoleProfile } from "@/lib/auth/create-role-profile";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema } from "@/lib/auth/password-schema";
import { permissionOverrides, permissionsOf } from "@/lib/auth/permissions";
import { issueToken, TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { ensureRole } from "@/lib/platform/reference-data";

const bootstrapAdminSchema = z.object({
  email: z.email().max(254).transform((email) => email.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120).nullish(),
  /** A password typed in by the operator; without one the admin gets a one-time sign-in link. */
  password: passwordSchema.optional(),
});

export type BootstrapAdminInput = z.input<typeof bootstrapAdminSchema> & { now?: Date };

export type BootstrapAdminResult =
  | { userId: number; email: string; kind: "password" }
  /** `token` goes into `/invite?token=…`: single use, valid TOKEN_TTL_MS.invite, only its hash is stored. */
  | { userId: number; email: string; kind: "link"; token: string; expiresAt: Date };

/**
 * An admin with every permission (users.manage_admins included), created by the operator at
 * the server's console (`npm run admin:create`): the only way into a production database, which
 * has no seeded logins. Without a password the account stays inactive until the one-time link
 * is used to choose one, exactly like an invitation; there is never a default password.
 */
export async function bootstrapAdmin(input: BootstrapAdminInput): Promise<BootstrapAdminResult> {
  const { email, name, password } = bootstrapAdminSchema.parse(input);
  const now = input.now ?? new Date();
  // Without a typed password nobody knows this one: the link replaces it.
  const passwordHash = await hashPassword(password ?? randomBytes(32).toString("base64url"));
  const grantedPermissions = permissionOverrides("admin", Object.fromEntries(permissionsOf("admin").map(([permission]) => [permission, true])));

  return runTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new DomainError("email_taken", `${email} already has an account.`, { param: "email" });
    }
    const role = await ensureRole(tx, "admin");
    const user = await tx.user.create({ data: { email, name: name ?? null, passwordHash, isActive: password !== undefined, roleId: role.id } });
    await createRoleProfile(tx, { role: "admin", userId: user.id, email, grantedPermissions });
    await recordAudit(tx, { type: "system" }, { action: "admin_bootstrapped", entityType: "user", entityId: user.id, newValues: { email, via: password ? "password" : "link" } });
    if (password !== undefined) return { userId: user.id, email, kind: "password" as const };
    const token = await issueToken(tx, { userId: user.id, purpose: "invite", now });
    return { userId: user.id, email, kind: "link" as const, token, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS.invite) };
  }).catch((error: unknown) => {
    if ((error as { code?: string })?.code === "P2002") throw new DomainError("email_taken", `${email} already has an account.`, { param: "email" });
    throw error;
  });
}
