import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/messages";
import { DomainError } from "@/lib/errors/domain-error";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import { verifyStaff } from "@/lib/auth/verify-staff";
import { requisiteBlockSchema, type RequisiteBlockInput } from "./block-schema";

interface LockedRequisite {
  id: number;
  status: RequisiteStatus;
  blocked_reason: string | null;
}

/** Locks the requisite for the rest of the transaction (matching locks the same row while it routes an order). */
async function lockRequisite(tx: Tx, requisiteId: number): Promise<LockedRequisite> {
  const [row] = await tx.$queryRaw<LockedRequisite[]>`SELECT id, status, blocked_reason FROM req_trader WHERE id = ${requisiteId} FOR UPDATE`;
  if (!row) throw new DomainError("requisite_not_found", `There is no requisite ${requisiteId}.`, { param: "requisiteId" });
  return row;
}

type BlockCommand = RequisiteBlockInput & { actor: Actor };

/** An active support user with `requisites.block` or an active admin with `traders.manage`, checked in the transaction that changes the requisite. */
const assertRequisiteBlocker = (tx: Tx, actor: Actor) =>
  verifyStaff(
    tx,
    actor,
    { support: "requisites.block", admin: "traders.manage" },
    new DomainError("permission_denied", "Blocking requisites needs support's requisites.block or an admin's traders.manage permission."),
  );

/**
 * Support or an admin blocks a trader's requisite, with a reason the trader reads: matching
 * only routes to `active` requisites, so no new order goes to it, while orders already on it run
 * their course. The trader cannot switch it on or edit it until it is unblocked. One
 * transaction under the requisite's row lock, audited (`requisite.blocked`) with the old and
 * new status and the reason. Blocking a blocked requisite is refused (`requisite_blocked`).
 */
export async function blockRequisite({ actor, ...input }: BlockCommand): Promise<{ id: number; status: "blocked"; blockedReason: string }> {
  const { requisiteId, reason } = parseInput(requisiteBlockSchema, input);
  return runTransaction(async (tx) => {
    await assertRequisiteBlocker(tx, actor);
    const current = await lockRequisite(tx, requisiteId);
    if (current.status === "blocked") throw new DomainError("requisite_blocked", "This requisite is already blocked.");
    await tx.reqTrader.update({ where: { id: requisiteId }, data: { status: "blocked", blockedReason: reason } });
    await recordAudit(tx, actor, {
      action: "requisite.blocked",
      entityType: "requisite",
      entityId: requisiteId,
      oldValues: { status: current.status },
      newValues: { status: "blocked", reason },
    });
    return { id: requisiteId, status: "blocked", blockedReason: reason };
  });
}

/**
 * Lifts a block: the requisite becomes `inactive`, so nothing is routed to it until the trader
 * switches it on again, and the blocking reason is cleared (the audit log keeps it). The reason
 * for unblocking is required and audited (`requisite.unblocked`). A requisite that is not
 * blocked is refused (`requisite_not_blocked`).
 */
export async function unblockRequisite({ actor, ...input }: BlockCommand): Promise<{ id: number; status: "inactive" }> {
  const { requisiteId, reason } = parseInput(requisiteBlockSchema, input);
  return runTransaction(async (tx) => {
    await assertRequisiteBlocker(tx, actor);
    const current = await lockRequisite(tx, requisiteId);
    if (current.status !== "blocked") throw new DomainError("requisite_not_blocked");
    await tx.reqTrader.update({ where: { id: requisiteId }, data: { status: "inactive", blockedReason: null } });
    await recordAudit(tx, actor, {
      action: "requisite.unblocked",
      entityType: "requisite",
      entityId: requisiteId,
      oldValues: { status: "blocked", reason: current.blocked_reason },
      newValues: { status: "inactive", reason },
    });
    return { id: requisiteId, status: "inactive" };
  });
}
