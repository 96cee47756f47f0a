import "server-only";
import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/audit/record-audit";
import { effectivePermissions } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";

/** The active admin behind `actor` with their effective permissions; anyone else is refused. */
async function activeAdmin(db: PrismaClient | Tx, actor: Pick<Actor, "userId">) {
  const userId = actor.userId;
  const admin =
    typeof userId === "number"
      ? await db.user.findFirst({
          where: { id: userId, isActive: true, role: { name: "admin" } },
          select: { id: true, admin: { select: { grantedPermissions: true } } },
        })
      : null;
  if (!admin) throw new DomainError("admin_only");
  return { id: admin.id, permissions: effectivePermissions("admin", admin.admin?.grantedPermissions) };
}

/**
 * The admin behind `actor`, checked where the data is read or written: pages and server
 * actions already call requireRole("admin") (requirePermission for what a permission covers),
 * but these functions are also reachable from tests, scripts and jobs, so they refuse anyone
 * who is not an active admin right now.
 */
export async function assertAdmin(db: PrismaClient | Tx, actor: Pick<Actor, "userId">): Promise<number> {
  return (await activeAdmin(db, actor)).id;
}

/**
 * The admin behind `actor` when they may change a user of `targetRole`: `users.manage` for
 * anyone, and `users.manage_admins` as well when the user is an admin (themself included), so
 * an admin cannot widen their own permissions or create a fuller admin.
 */
export async function assertUserManager(db: PrismaClient | Tx, actor: Pick<Actor, "userId">, targetRole: string): Promise<number> {
  const admin = await activeAdmin(db, actor);
  if (!admin.permissions["users.manage"]) throw new DomainError("permission_denied", "This needs the users.manage permission.");
  if (targetRole === "admin" && !admin.permissions["users.manage_admins"]) {
    throw new DomainError("cannot_manage_admins");
  }
  return admin.id;
}
