import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { readSettings } from "@/lib/settings/read-settings";
import { findOrderCurrencies } from "@/lib/currencies/find-currency";
import { selectRequisite } from "@/lib/matching/select-requisite";
import { assertMayTransition, transitionOrder } from "./transition-order";
import { lockOfferedPayout } from "./lock-offered-payout";

/**
 * The trader a payout is offered to accepts it: created → assigned. The offer must still be
 * open, and the offered requisite is checked again under its lock (status, limits, the
 * reward not above the store's commission) — an offer made a minute ago may no longer fit.
 * The trader's payout reward is fixed on the order now, and the trader has
 * order.payout_ttl_seconds to pay.
 */
export async function acceptPayout(id: string, traderId: number, actor: Actor, now = new Date()) {
  const settings = await readSettings();
  return runTransaction(async (tx) => {
    const order = await lockOfferedPayout(tx, id, traderId);
    assertMayTransition(order, "assigned", actor);
    if (!order.offer_expires_at || order.offer_expires_at <= now || order.offered_requisite_id === null) {
      throw new DomainError("offer_expired");
    }
    const { currency, settlement } = await findOrderCurrencies(tx, order.currency_code);
    const store = await tx.merchantStore.findUniqueOrThrow({ where: { id: order.store_id }, select: { isSandbox: true } });
    const match = await selectRequisite(tx, {
      currencyId: currency.id,
      settlementCurrencyId: settlement.id,
      amount: order.amount,
      paymentMethodId: null,
      depositNeeded: () => 0n,
      maxOpenOrders: settings["matching.max_open_orders_per_requisite"],
      maxAdjustment: 0,
      now,
      direction: "payout",
      storeCommission: order.store_commission,
      requisiteId: order.offered_requisite_id,
      sandbox: store.isSandbox,
    });
    if (!match || match.traderId !== traderId) {
      throw new DomainError("offer_no_longer_fits");
    }
    return transitionOrder(tx, {
      order,
      to: "assigned",
      actor,
      patch: {
        requisiteId: match.requisiteId,
        traderId,
        traderReward: match.traderReward,
        matchedAt: now,
        expiresAt: new Date(now.getTime() + settings["order.payout_ttl_seconds"] * 1000),
        offeredTraderId: null,
        offeredRequisiteId: null,
        offerExpiresAt: null,
        nextMatchAt: null,
      },
    });
  });
}
