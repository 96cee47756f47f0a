import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { effectivePermissions } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Who may block and unblock requisites: an active support user with `requisites.block`, or an
 * active admin with `traders.manage`. Checked inside the transaction that changes the
 * requisite, whoever calls (server actions check the session first, tests and scripts do not).
 */
export async function assertRequisiteBlocker(tx: Tx, actor: Pick<Actor, "userId">): Promise<void> {
  const user =
    typeof actor.userId === "number"
      ? await tx.user.findFirst({
          where: { id: actor.userId, isActive: true },
          select: { role: { select: { name: true } }, support: { select: { grantedPermissions: true } }, admin: { select: { grantedPermissions: true } } },
        })
      : null;
  const role = user?.role.name;
  const allowed =
    (role === "support" && !!user?.support && effectivePermissions("support", user.support.grantedPermissions)["requisites.block"]) ||
    (role === "admin" && effectivePermissions("admin", user?.admin?.grantedPermissions)["traders.manage"]);
  if (!allowed) {
    throw new DomainError("permission", "permission_denied", "Blocking requisites needs support's requisites.block or an admin's traders.manage permission.");
  }
}
