import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertUserManager } from "@/lib/auth/assert-admin";

/**
 * "Sign out everywhere": bumps the user's session_version, so every session signed in before
 * (this device's included) is treated as signed out on its next request (lib/web/session.ts).
 * Audited as `sessions_ended`.
 *
 * - `endOwnSessions`: any signed-in user, for themself (the cabinet header's menu).
 * - `endUserSessions`: an admin with users.manage for another user (users.manage_admins as well
 *   for an admin account), from /admin/users.
 */
export async function endOwnSessions(actor: Actor & { userId: number }): Promise<void> {
  await runTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) throw new DomainError("user_not_found");
    await recordAudit(tx, actor, { action: "sessions_ended", entityType: "user", entityId: actor.userId });
  });
}

export async function endUserSessions(input: { userId: number }, actor: Actor): Promise<{ email: string }> {
  return runTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: { select: { name: true } } } });
    if (!user) throw new DomainError("user_not_found");
    await assertUserManager(tx, actor, user.role.name);
    await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "sessions_ended", entityType: "user", entityId: user.id });
    return { email: user.email };
  });
}
