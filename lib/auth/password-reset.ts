import "server-only";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { appUrl } from "@/lib/email/app-url";
import { notifyEmailsQueued } from "@/lib/email/notify-emails-queued";
import { hashPassword } from "./password";
import { clearFailures, lockedForSeconds, recordFailure } from "./login-throttle";
import { newPasswordSchema, type NewPasswordInput } from "./password-schema";
import { consumeToken, issueToken, revokeTokens, TOKEN_TTL_MS } from "./tokens";

export type RequestPasswordResetResult = { ok: true } | { ok: false; code: "too_many_attempts"; retryAfterSeconds: number };

/** Reset requests share the sign-in throttle's counters under their own keys. */
function resetThrottleKeys(email: string, ip: string | null): string[] {
  return [`reset:email:${email}`, ...(ip ? [`reset:ip:${ip}`] : [])];
}

/**
 * "Forgot password": emails an active user a link to choose a new password (valid 1 h, single
 * use). The answer is the same whether or not the address has an account, and every request
 * counts towards the throttle (after a few per address or IP they are refused for a while),
 * so the form can neither enumerate accounts nor flood an inbox.
 */
export async function requestPasswordReset(input: { email: string; ip: string | null; now?: Date }): Promise<RequestPasswordResetResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const keys = resetThrottleKeys(email, input.ip);
  const wait = await lockedForSeconds(keys, now);
  if (wait > 0) return { ok: false, code: "too_many_attempts", retryAfterSeconds: wait };
  await recordFailure(keys, now);

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, isActive: true } });
  if (!user?.isActive) return { ok: true };
  const emailId = await runTransaction(async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: "reset", now });
    // Whoever asked is not signed in: the entry names the account and the requesting address.
    await recordAudit(tx, { type: "user", userId: null, ip: input.ip }, { action: "password_reset_requested", entityType: "user", entityId: user.id });
    return enqueueEmail(tx, {
      to: user.email,
      template: "password_reset",
      data: { name: user.name, url: appUrl(`/reset-password?token=${token}`), expiresInMinutes: TOKEN_TTL_MS.reset / 60_000 },
      // The outbox keeps the link as ?token=[redacted]; only the sender puts the token back.
      secret: token,
      now,
    });
  });
  await notifyEmailsQueued([emailId]);
  return { ok: true };
}

export const INVALID_LINK_MESSAGE = "This link is invalid, expired or already used. Request a new one.";

/**
 * Sets a new password from a reset link: the token is used up, every other open reset link of
 * the user dies with it, earlier sign-in failures are forgotten, and the change is audited.
 */
export async function resetPassword(
  input: NewPasswordInput & { ip?: string | null; userAgent?: string | null; now?: Date },
): Promise<{ userId: number }> {
  const { token, password } = newPasswordSchema.parse(input);
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(password);
  const user = await runTransaction(async (tx) => {
    const userId = await consumeToken(tx, { token, purpose: "reset", now });
    const user = userId === null ? null : await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, isActive: true } });
    // A user deactivated since the request does not get back in through an old link.
    if (!user?.isActive) throw new DomainError("invalid_token", INVALID_LINK_MESSAGE, { param: "token" });
    // Every session signed in with the old password ends (lib/web/session.ts compares the version).
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await revokeTokens(tx, { userId: user.id, purpose: "reset", now });
    await recordAudit(tx, { type: "user", userId: user.id, ip: input.ip, userAgent: input.userAgent }, { action: "password_reset", entityType: "user", entityId: user.id });
    return user;
  });
  await clearFailures(user.email);
  return { userId: user.id };
}
