import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { lockTraderRequisite } from "./lock-trader-requisite";
import type { RequisiteLimits } from "./requisite-schema";

const LIMIT_FIELDS = ["minAmount", "maxAmount", "dailyLimit", "monthlyLimit", "dailyCountLimit"] as const;

/**
 * Changes the limits of one of the trader's requisites; the audit row keeps the old and new
 * value of each limit that changed. Matching reads the limits under the same row lock, so the
 * next order is routed with the new ones. Returns false when nothing changed (no audit row).
 */
export async function updateRequisiteLimits(traderId: number, requisiteId: number, limits: RequisiteLimits, actor: Actor): Promise<boolean> {
  return runTransaction(async (tx) => {
    await lockTraderRequisite(tx, traderId, requisiteId);
    const current = await tx.fullRequisitesSettings.findUnique({ where: { reqId: requisiteId } });
    if (!current) throw new DomainError("requisite_without_limits", undefined, { param: "id" });

    const oldValues: Partial<RequisiteLimits> = {};
    const newValues: Partial<RequisiteLimits> = {};
    for (const field of LIMIT_FIELDS) {
      if (current[field] === limits[field]) continue;
      Object.assign(oldValues, { [field]: current[field] });
      Object.assign(newValues, { [field]: limits[field] });
    }
    if (Object.keys(newValues).length === 0) return false;

    await tx.fullRequisitesSettings.update({ where: { reqId: requisiteId }, data: newValues });
    await recordAudit(tx, actor, { action: "requisite.limits_updated", entityType: "requisite", entityId: requisiteId, oldValues, newValues });
    return true;
  });
}
