import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin, assertUserManager } from "@/lib/auth/assert-admin";

/**
 * Activates or deactivates a user, audited. A deactivated user is signed out on their next
 * request (lib/web/session.ts re-reads the user every time) and cannot sign in. An admin
 * cannot deactivate themself, so the platform never locks out the person making the change;
 * switching an admin account needs users.manage_admins (assertUserManager).
 */
export async function setUserActive(input: { userId: number; isActive: boolean }, actor: Actor): Promise<{ changed: boolean }> {
  return runTransaction(async (tx) => {
    const adminId = await assertAdmin(tx, actor);
    if (input.userId === adminId && !input.isActive) {
      throw new DomainError("cannot_deactivate_self", undefined, { param: "isActive" });
    }
    const [user] = await tx.$queryRaw<{ is_active: boolean; role: string }[]>`
      SELECT u.is_active, r.name AS role FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ${input.userId} FOR UPDATE OF u`;
    if (!user) throw new DomainError("user_not_found");
    await assertUserManager(tx, actor, user.role);
    if (user.is_active === input.isActive) return { changed: false };
    // Deactivation also ends every session for good: reactivating does not revive them.
    await tx.user.update({ where: { id: input.userId }, data: { isActive: input.isActive, ...(input.isActive ? {} : { sessionVersion: { increment: 1 } }) } });
    await recordAudit(tx, actor, {
      action: input.isActive ? "user_activated" : "user_deactivated",
      entityType: "user",
      entityId: input.userId,
      oldValues: { isActive: user.is_active },
      newValues: { isActive: input.isActive },
    });
    return { changed: true };
  });
}
