import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Settings } from "@/lib/config/read-settings";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/record-audit";
import { fiatToCrypto } from "@/lib/money/convert";
import { currentRate } from "@/lib/rates/current-rate";
import type { LockedOrder } from "@/lib/orders/load-order";
import { transitionOrder } from "@/lib/orders/transition-order";
import { emitAfterCommit } from "@/lib/db/run-transaction";
import { orderUnmatched } from "@/inngest/order-events";
import { selectRequisite } from "./select-requisite";
import { nextMatchAttemptAt } from "./backoff";

export interface MatchContext {
  settings: Settings;
  currency: { id: number; code: string; exponent: number; isPaused: boolean };
  settlement: { id: number; exponent: number };
  store: { allowAmountAdjustment: boolean };
  paymentMethodId: number | null;
  now: Date;
  actor?: Actor;
}

/**
 * Tries to give a `created` order (locked by the caller) a requisite. On success the order
 * moves to awaiting_payment (pay-in: the trader's USDT for the amount is held) or assigned
 * (payout) in the caller's transaction; returns null when nothing fits, changing nothing.
 */
export async function matchOrder(tx: Tx, order: LockedOrder, context: MatchContext) {
  const { settings, currency, settlement, now } = context;
  if (settings["matching.paused"] || currency.isPaused) return null;

  // A payout fixed its rate at creation, when the store's funds were held.
  const rate = order.rate ?? (await currentRate(tx, currency, settlement.id, settings));
  const toCrypto = (amount: bigint) => fiatToCrypto(amount, currency.exponent, rate, settlement.exponent, "half_up");
  const match = await selectRequisite(tx, {
    currencyId: currency.id,
    settlementCurrencyId: settlement.id,
    amount: order.amount,
    paymentMethodId: context.paymentMethodId,
    // Pay-ins draw on the trader's deposit; payouts are repaid from the store's held funds.
    depositNeeded: order.type === "payin" ? toCrypto : () => 0n,
    maxOpenOrders: settings["matching.max_open_orders_per_requisite"],
    // Only a pay-in's amount may be nudged (the customer pays it); a payout's is what the customer gets.
    maxAdjustment: order.type === "payin" && context.store.allowAmountAdjustment ? settings["matching.amount_adjustment_max_units"] : 0,
    now,
  });
  if (!match) return null;

  const cryptoAmount = toCrypto(match.amount);
  if (cryptoAmount <= 0n) return null;
  const ttl = order.type === "payin" ? settings["order.payment_ttl_seconds"] : settings["order.payout_ttl_seconds"];
  return transitionOrder(tx, {
    order,
    to: order.type === "payin" ? "awaiting_payment" : "assigned",
    actor: context.actor ?? SYSTEM_ACTOR,
    matched: match.requisite,
    patch: {
      requisiteId: match.requisiteId,
      traderId: match.traderId,
      amount: match.amount,
      rate,
      cryptoAmount,
      matchedAt: now,
      lastAttemptAt: now,
      nextMatchAt: null,
      expiresAt: new Date(now.getTime() + ttl * 1000),
    },
    movements:
      order.type === "payin"
        ? [
            {
              account: { kind: "trader_crypto", traderId: match.traderId, currencyId: settlement.id },
              delta: -cryptoAmount,
              heldDelta: cryptoAmount,
              reason: "payin_hold",
              orderId: order.id,
            },
          ]
        : [],
  });
}

/** First matching attempt of a new order: matched, or left `created` for the background retry. */
export async function matchOrScheduleRetry(tx: Tx, order: LockedOrder, context: MatchContext) {
  const matched = await matchOrder(tx, order, context);
  if (matched) return matched;
  const { now, settings } = context;
  // retry_count counts the attempts that found nothing; the background retry takes it from here.
  // With no attempt left (order.match_attempts = 1) the order is due at once, and the retry fails it.
  const nextMatchAt = nextMatchAttemptAt({ createdAt: now, failedAttempts: 1 }, now, settings) ?? now;
  const row = await tx.incomingOrder.update({ where: { id: order.id }, data: { retryCount: 1, lastAttemptAt: now, nextMatchAt } });
  emitAfterCommit(tx, orderUnmatched.create({ orderId: order.id, nextMatchAt: nextMatchAt.toISOString() }, { id: `order-unmatched-${order.id}` }));
  return { ...row, currency: { code: order.currency_code }, requisite: null };
}
