import "server-only";
import type { Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * The admin behind `actor`, checked where the data is read or written: pages and server
 * actions already call requireRole("admin"), but these functions are also reachable from
 * tests, scripts and jobs, so they refuse anyone who is not an active admin right now.
 */
export async function assertAdmin(db: PrismaClient | Tx, actor: Pick<Actor, "userId">): Promise<number> {
  const userId = actor.userId;
  const admin =
    typeof userId === "number"
      ? await db.user.findFirst({ where: { id: userId, isActive: true, role: { name: "admin" } }, select: { id: true } })
      : null;
  if (!admin) throw new DomainError("permission", "admin_only", "Only an active admin can do this.");
  return admin.id;
}
