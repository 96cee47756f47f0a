import { prisma } from "@/lib/db/client";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { completePayin } from "@/lib/orders/complete-payin";
import { endOrder } from "@/lib/orders/end-order";
import { confirmPayout } from "@/lib/orders/confirm-payout";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { declinePayout } from "@/lib/orders/decline-payout";
import { releasePayout } from "@/lib/orders/release-payout";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { forceOrder } from "@/lib/orders/force-order";
import { expireDueOrders, expireOrder } from "@/lib/orders/expire-due-orders";
import { retryDueMatches, retryMatch } from "@/lib/matching/retry-due-matches";
import { openDispute } from "@/lib/disputes/open-dispute";
import { resolveDispute } from "@/lib/disputes/resolve-dispute";
import type { MoveName } from "./ops";
import type { OrderView, PartyView } from "./parties";
import { STAFF_NOTE } from "./parties";

const RECEIPT = { fileName: "receipt.png", contentType: "image/png", data: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex") };
const REASON = "Simulator: the customer says they paid; nobody confirmed.";

/** Thrown when a move has nothing to act on (a resolve on an order that never had a dispute). */
export class NoTarget extends Error {}

/**
 * Makes one move through the domain function that performs it, as the party `view` describes.
 * Returns what the function returned (null from the event paths means "nothing was due").
 */
export async function runMove(move: MoveName, order: OrderView, view: PartyView, now: Date): Promise<unknown> {
  const { id } = order;
  const { actor, storeId, traderId, scope, note } = view;
  switch (move) {
    case "mark_paid":
      return markPayinPaid(id, storeId, actor);
    case "complete":
      return completePayin(id, scope, actor, note);
    case "cancel":
      return endOrder(id, "cancelled", scope, actor, { now, note });
    case "expire_by":
      return endOrder(id, "expired", scope, actor, { now, note });
    case "dispute":
      return openDispute({
        orderId: id,
        ...(view.traderSide ? { traderId } : { storeId }),
        reason: REASON,
        evidence: [],
        actor,
        via: view.traderSide ? "trader" : actor.type === "user" ? "merchant_cabinet" : "merchant_api",
        now,
      });
    case "resolve_completed":
    case "resolve_cancelled":
      return resolveDispute({ disputeId: await disputeOf(id), outcome: move === "resolve_completed" ? "completed" : "cancelled", note: note ?? STAFF_NOTE, actor });
    case "force_completed":
    case "force_cancelled":
      return forceOrder({ orderId: id, outcome: move === "force_completed" ? "completed" : "cancelled", note: note ?? STAFF_NOTE, actor, now });
    case "accept":
      return acceptPayout(id, traderId, actor, now);
    case "decline":
      return declinePayout(id, traderId, actor, now);
    case "release":
      return releasePayout(id, traderId, actor, { now });
    case "pay":
      return markPayoutPaid(id, traderId, actor, RECEIPT, now);
    case "confirm":
      return confirmPayout(id, storeId, actor);
    case "expire_event":
      return expireOrder(id, now);
    case "retry_event":
      return retryMatch(id, now);
    case "sweep_now":
      return Promise.all([expireDueOrders({ now, limit: 1000 }), retryDueMatches({ now, limit: 1000 })]);
  }
}

/** The order's open dispute, else its latest one (resolving that again must be refused). */
async function disputeOf(orderId: string): Promise<number> {
  const dispute = await prisma.dispute.findFirst({ where: { orderId }, orderBy: [{ status: "asc" }, { id: "desc" }], select: { id: true } });
  if (!dispute) throw new NoTarget(`order ${orderId} has no dispute`);
  return dispute.id;
}
