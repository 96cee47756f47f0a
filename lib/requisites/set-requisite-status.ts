import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { lockTraderRequisite } from "./lock-trader-requisite";

/**
 * Switches one of the trader's requisites on or off. Off means matching routes no new orders
 * to it; orders already on it run their course. A blocked requisite is refused
 * (`requisite_blocked`): only the platform unblocks it. Returns false when it already had
 * that status (nothing written).
 */
export async function setRequisiteStatus(traderId: number, requisiteId: number, status: "active" | "inactive", actor: Actor): Promise<boolean> {
  return runTransaction(async (tx) => {
    const current = await lockTraderRequisite(tx, traderId, requisiteId);
    if (current.status === status) return false;
    await tx.reqTrader.update({ where: { id: requisiteId }, data: { status } });
    await recordAudit(tx, actor, {
      action: "requisite.status_changed",
      entityType: "requisite",
      entityId: requisiteId,
      oldValues: { status: current.status },
      newValues: { status },
    });
    return true;
  });
}
