import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { hashPassword } from "./password";
import { newPasswordSchema, type NewPasswordInput } from "./password-schema";
import { consumeToken } from "./tokens";

export const INVALID_INVITATION_MESSAGE = "This invitation is invalid, expired or already used. Ask your administrator for a new one.";

/** Accepts an invitation: the invited (inactive) user gets the chosen password and becomes active. */
export async function acceptInvitation(
  input: NewPasswordInput & { ip?: string | null; userAgent?: string | null; now?: Date },
): Promise<{ userId: number; email: string }> {
  const { token, password } = newPasswordSchema.parse(input);
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(password);
  return runTransaction(async (tx) => {
    const userId = await consumeToken(tx, { token, purpose: "invite", now });
    // Compare-and-set: only a pending invitee (inactive, never signed in) is activated, not an
    // account an admin has deactivated since.
    const activated = userId === null ? 0 : (await tx.user.updateMany({ where: { id: userId, isActive: false, lastLoginAt: null }, data: { passwordHash, isActive: true, sessionVersion: { increment: 1 } } })).count;
    if (!userId || activated === 0) throw new DomainError("invalid_token", INVALID_INVITATION_MESSAGE, { param: "token" });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
    await recordAudit(tx, { type: "user", userId, ip: input.ip, userAgent: input.userAgent }, { action: "invitation_accepted", entityType: "user", entityId: userId });
    return { userId, email: user.email };
  });
}
