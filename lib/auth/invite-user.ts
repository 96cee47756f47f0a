import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { appUrl } from "@/lib/email/app-url";
import { notifyEmailsQueued } from "@/lib/email/notify-emails-queued";
import { assertUserManager } from "@/lib/auth/assert-admin";
import { createRoleProfile } from "./create-role-profile";
import { hashPassword } from "./password";
import { ROLES } from "./roles";
import { issueToken, TOKEN_TTL_MS } from "./tokens";

export const inviteUserSchema = z.object({
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  role: z.enum(ROLES),
  name: z.string().trim().min(1).max(120).nullish(),
  /** The admin sending the invitation. */
  invitedBy: z.number().int().positive(),
});

export type InviteUserInput = z.input<typeof inviteUserSchema> & {
  /** For admin, support and teamlead profiles: overrides of the role's default permissions (lib/auth/permissions.ts); the defaults when omitted. */
  grantedPermissions?: Prisma.InputJsonValue;
  now?: Date;
};

/**
 * Creates an inactive user of `role` (with the role's profile row) and emails them a link to
 * choose a password (valid 72 h, single use), which activates the account. Only an active
 * admin with users.manage may invite (and with users.manage_admins, an admin); an email that
 * already has an account is refused.
 */
export async function inviteUser(input: InviteUserInput): Promise<{ userId: number; emailId: bigint }> {
  const { email, role, name, invitedBy } = inviteUserSchema.parse(input);
  const now = input.now ?? new Date();
  // Until the invitation is accepted the account is inactive and its password unknown to anyone.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const result = await runTransaction(async (tx) => {
    await assertUserManager(tx, { userId: invitedBy }, role);
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: invitedBy }, select: { id: true, name: true, email: true } });
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new DomainError("email_taken", undefined, { param: "email" });
    }
    const user = await tx.user.create({
      data: { email, name: name ?? null, passwordHash, isActive: false, role: { connectOrCreate: { where: { name: role }, create: { name: role } } } },
    });
    await createRoleProfile(tx, { role, userId: user.id, email, grantedPermissions: input.grantedPermissions ?? {} });
    const token = await issueToken(tx, { userId: user.id, purpose: "invite", now });
    await recordAudit(tx, { type: "user", userId: inviter.id }, { action: "user_invited", entityType: "user", entityId: user.id, newValues: { email, role, name } });
    const emailId = await enqueueEmail(tx, {
      to: email,
      template: "invitation",
      data: { name: user.name, role, invitedBy: inviter.name ?? inviter.email, url: appUrl(`/invite?token=${token}`), expiresInHours: TOKEN_TTL_MS.invite / 3_600_000 },
      // The outbox keeps the link as ?token=[redacted]; only the sender puts the token back.
      secret: token,
      now,
    });
    return { userId: user.id, emailId: emailId! };
  }).catch((error: unknown) => {
    // Two invitations for one address at the same moment: the second hits the unique email.
    if ((error as { code?: string })?.code === "P2002") throw new DomainError("email_taken", undefined, { param: "email" });
    throw error;
  });
  await notifyEmailsQueued([result.emailId]);
  return result;
}
