import { inTransaction, type Db } from "@/lib/testing/db";
import { releaseOrder } from "./common";
import { completePayinOrder } from "./payin";
import { completePayoutOrder } from "./payout";
import { transition, type OrderRef, type StepOptions } from "./transition";

/** → disputed, with an open disputes row; holds stay in place until support decides. */
export function openDispute(
  db: Db,
  order: OrderRef,
  input: StepOptions & { reason: string; openedVia?: string; openedById?: number | null },
) {
  return inTransaction(db, async (tx) => {
    const at = input.at ?? new Date();
    await transition(tx, order, "disputed", { actorType: input.openedVia ?? "merchant_cabinet", ...input, at, from: ["awaiting_payment", "assigned", "paid"] });
    return tx.dispute.create({
      data: { orderId: order.id, openedVia: input.openedVia ?? "merchant_cabinet", openedById: input.openedById ?? null, reason: input.reason, createdAt: at },
    });
  });
}

/** Support's decision: the order completes (ledger as a normal completion) or is cancelled (holds released). */
export function resolveDispute(
  db: Db,
  order: OrderRef,
  input: StepOptions & { disputeId: number; outcome: "completed" | "cancelled"; resolvedById: number; resolutionNote: string },
) {
  return inTransaction(db, async (tx) => {
    const at = input.at ?? new Date();
    const step = { at, actorType: "support", actorUserId: input.resolvedById, note: input.resolutionNote };
    if (input.outcome === "cancelled") await releaseOrder(tx, order, "cancelled", step);
    else if (order.type === "payin") await completePayinOrder(tx, order, step);
    else await completePayoutOrder(tx, order, step);
    return tx.dispute.update({
      where: { id: input.disputeId },
      data: { status: input.outcome === "completed" ? "resolved_completed" : "resolved_cancelled", resolvedById: input.resolvedById, resolutionNote: input.resolutionNote, resolvedAt: at },
    });
  });
}
