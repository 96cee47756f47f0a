import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { requireDisputeText } from "@/lib/disputes/limits";
import { lockOrder } from "./load-order";
import { endLockedOrder } from "./end-order";
import { completeLockedPayin } from "./complete-locked-payin";
import { completePayout } from "./complete-payout";
import type { OrderForApi } from "./serialize-order";
import { verifyStaff } from "@/lib/auth/verify-staff";

const FORCE_NOT_ALLOWED = new DomainError("force_not_allowed");

export type ForcedOutcome = "completed" | "cancelled";

export interface ForceOrderInput {
  orderId: string;
  outcome: ForcedOutcome;
  note: string;
  actor: Actor;
  now?: Date;
}

/**
 * Support's or an admin's force action on a stuck order: any non-terminal order completes or
 * is cancelled through the engine (the same money as every other completion or cancel), with a
 * mandatory note on its history and an `order.forced` audit entry. A disputed order's open
 * dispute closes with it (the note is the resolution). Completing needs a trader on the order
 * (an unmatched order can only be cancelled); a late-paid pay-in holds the trader's USDT again.
 */
export async function forceOrder({ orderId, outcome, note, actor, now }: ForceOrderInput): Promise<OrderForApi> {
  const text = requireDisputeText(note, "note");
  return runTransaction(async (tx) => {
    const forcer = await verifyStaff(tx, actor, { support: "disputes.resolve", admin: "traders.manage" }, FORCE_NOT_ALLOWED);
    const order = await lockOrder(tx, orderId);
    const updated =
      outcome === "cancelled"
        ? await endLockedOrder(tx, order, "cancelled", forcer, { note: text, reason: "forced_cancel", now })
        : order.type === "payin"
          ? await completeLockedPayin(tx, order, forcer, text)
          : await completePayout(tx, order, forcer, text);
    await recordAudit(tx, forcer, { action: "order.forced", entityType: "order", entityId: orderId, oldValues: { status: order.status }, newValues: { status: outcome, note: text } });
    return updated;
  });
}
