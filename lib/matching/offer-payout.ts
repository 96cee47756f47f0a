import "server-only";
import type { Tx } from "@/lib/db/client";
import { SYSTEM_ACTOR, recordAudit } from "@/lib/audit/record-audit";
import { emitAfterCommit } from "@/lib/db/run-transaction";
import { orderUnmatched } from "@/lib/jobs/order-events";
import type { LockedOrder } from "@/lib/orders/load-order";
import type { OrderForApi } from "@/lib/orders/serialize-order";
import type { MatchContext } from "./match-order";
import { selectRequisite } from "./select-requisite";

/**
 * Offers a `created` payout (locked by the caller) to the best eligible **online** trader who
 * has not declined it: their requisite is chosen by the usual rules (limits, priority, least
 * recently used, reward not above the store's commission), and the payout waits for their
 * answer until order.payout_offer_seconds pass. The status stays `created`: nothing moves until
 * the trader accepts (lib/orders/accept-payout.ts). The offer's expiry is the order's next
 * matching time, so the retry sweep (or the Inngest function) offers it to the next trader
 * when it lapses. Returns null when no trader fits, changing nothing.
 */
export async function offerPayout(tx: Tx, order: LockedOrder, context: MatchContext): Promise<OrderForApi | null> {
  const { settings, currency, settlement, now } = context;
  const match = await selectRequisite(tx, {
    currencyId: currency.id,
    settlementCurrencyId: settlement.id,
    amount: order.amount,
    paymentMethodId: context.paymentMethodId,
    depositNeeded: () => 0n,
    maxOpenOrders: settings["matching.max_open_orders_per_requisite"],
    maxAdjustment: 0,
    now,
    direction: "payout",
    storeCommission: order.store_commission,
    onlineSince: new Date(now.getTime() - settings["trader.online_window_seconds"] * 1000),
    excludeTraderIds: order.declined_trader_ids,
    sandbox: context.store.isSandbox,
  });
  if (!match) return null;

  const offerExpiresAt = new Date(now.getTime() + settings["order.payout_offer_seconds"] * 1000);
  const row = await tx.incomingOrder.update({
    where: { id: order.id },
    data: { offeredTraderId: match.traderId, offeredRequisiteId: match.requisiteId, offerExpiresAt, nextMatchAt: offerExpiresAt, lastAttemptAt: now },
  });
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: "order.offered",
    entityType: "order",
    entityId: order.id,
    newValues: { traderId: match.traderId, requisiteId: match.requisiteId, offerExpiresAt },
  });
  emitAfterCommit(tx, orderUnmatched.create({ orderId: order.id, nextMatchAt: offerExpiresAt.toISOString() }, { id: `order-offered-${order.id}-${match.traderId}` }));
  return { ...row, currency: { code: order.currency_code }, requisite: null };
}
