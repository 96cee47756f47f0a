import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { hashPassword, verifyPassword } from "./password";
import { passwordSchema } from "./password-schema";
import { lockedForSeconds, recordFailure } from "./login-throttle";

/** What the security page's "change password" form sends. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  // A message key: runAction shows it in the reader's language.
  .refine((value) => value.password === value.confirmPassword, { message: "account.security.password.differ", path: ["confirmPassword"] });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong_password" | "too_many_attempts"; retryAfterSeconds?: number };

/**
 * A signed-in user changes their own password, proving the current one (a stolen session alone
 * cannot take the account over; wrong guesses are throttled per user like sign-in failures).
 * The new hash is argon2id; session_version is bumped, so every session ends, this one too.
 * Audited as `password_changed`.
 */
export async function changePassword(actor: Actor & { userId: number }, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const { currentPassword, password } = changePasswordSchema.parse(input);
  const throttleKey = `password-change:${actor.userId}`;
  const wait = await lockedForSeconds([throttleKey]);
  if (wait > 0) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: wait };
  const user = await prisma.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user) throw new DomainError("user_not_found");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordFailure([throttleKey]);
    return { ok: false, reason: "wrong_password" };
  }
  const passwordHash = await hashPassword(password);
  await runTransaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "password_changed", entityType: "user", entityId: actor.userId });
  });
  await prisma.loginAttempt.deleteMany({ where: { key: throttleKey } });
  return { ok: true };
}
