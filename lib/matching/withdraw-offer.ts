import "server-only";
import type { Tx } from "@/lib/db/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { LockedOrder } from "@/lib/orders/load-order";

/**
 * Ends a payout's current offer (locked by the caller) — declined by the trader, or lapsed
 * unanswered — and adds that trader to the ones it is never offered to again. Not a transition:
 * the payout stays `created` and nothing was held for the trader. Returns the order as it is now.
 */
export async function withdrawOffer(tx: Tx, order: LockedOrder, actor: Actor, action: "order.offer_declined" | "order.offer_lapsed"): Promise<LockedOrder> {
  const declined = [...order.declined_trader_ids, order.offered_trader_id!];
  await tx.incomingOrder.update({
    where: { id: order.id },
    data: { offeredTraderId: null, offeredRequisiteId: null, offerExpiresAt: null, declinedTraderIds: declined },
  });
  await recordAudit(tx, actor, { action, entityType: "order", entityId: order.id, oldValues: { traderId: order.offered_trader_id } });
  return { ...order, offered_trader_id: null, offered_requisite_id: null, offer_expires_at: null, declined_trader_ids: declined };
}
