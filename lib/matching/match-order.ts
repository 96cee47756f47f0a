import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Settings } from "@/lib/settings/read-settings";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { fiatToCrypto } from "@/lib/money/convert";
import { currentRate } from "@/lib/currencies/current-rate";
import type { LockedOrder } from "@/lib/orders/load-order";
import { transitionOrder } from "@/lib/orders/transition-order";
import { afterCommit, emitAfterCommit } from "@/lib/db/run-transaction";
import { countMatchingMiss } from "@/lib/observability/order-metrics";
import { orderUnmatched } from "@/lib/jobs/order-events";
import { selectRequisite } from "./select-requisite";
import { nextMatchAttemptAt } from "./backoff";
import { offerPayout } from "./offer-payout";
import { SANDBOX_EXPIRE_SECONDS, sandboxScenario } from "@/lib/sandbox/sandbox-scenario";

export interface MatchContext {
  settings: Settings;
  /** latestRate: its newest rate, when read with it (findOrderCurrencies); see currentRate. */
  currency: { id: number; code: string; exponent: number; isPaused: boolean; latestRate?: string | null };
  settlement: { id: number; exponent: number };
  /** isSandbox: the store's orders go only to sandbox traders, its live ones never (selectRequisite). */
  store: { allowAmountAdjustment: boolean; isSandbox: boolean };
  paymentMethodId: number | null;
  now: Date;
}

/**
 * Tries to give a `created` order (locked by the caller) a trader, in the caller's
 * transaction; returns null when nothing fits, changing nothing.
 * - A pay-in is matched by the system: it moves to awaiting_payment with the trader's USDT for
 *   the amount held and the trader's reward fixed on the order.
 * - A payout is offered, not pushed: it stays `created`, offered to one online trader who
 *   accepts or declines (lib/orders/accept-payout.ts); see offerPayout.
 */
export async function matchOrder(tx: Tx, order: LockedOrder, context: MatchContext) {
  const matched = await tryMatch(tx, order, context);
  if (!matched) afterCommit(tx, () => countMatchingMiss(order.type));
  return matched;
}

/** Whether matching runs at all now (the platform's switch, the currency's circuit breaker). */
export function matchingOpen(context: Pick<MatchContext, "settings" | "currency">): boolean {
  return !context.settings["matching.paused"] && !context.currency.isPaused;
}

/**
 * For a pay-in of `amount`: the rate fixed now and the best fitting requisite, locked with its
 * trader's deposit (selectRequisite), with the USDT to hold and the payment deadline; null when
 * nothing fits, changing nothing.
 */
export async function findPayinMatch(tx: Tx, amount: bigint, storeCommission: string, context: MatchContext) {
  const { settings, currency, now } = context;
  const sandbox = context.store.isSandbox;
  // The simulated trader "declines" a sandbox …03 pay-in: it stays unmatched and the sandbox
  // simulator fails it (lib/sandbox/run-sandbox-simulator.ts).
  if (sandbox && sandboxScenario(amount) === "fail_matching") return null;
  const rate = await currentRate(tx, currency, context.settlement.id, settings);
  const toCrypto = (value: bigint) => fiatToCrypto(value, currency.exponent, rate, context.settlement.exponent, "half_up");
  const match = await selectRequisite(tx, {
    currencyId: currency.id,
    settlementCurrencyId: context.settlement.id,
    amount,
    paymentMethodId: context.paymentMethodId,
    depositNeeded: toCrypto,
    maxOpenOrders: settings["matching.max_open_orders_per_requisite"],
    // Only a pay-in's amount may be nudged (the customer pays it); a payout's is what the customer gets.
    maxAdjustment: context.store.allowAmountAdjustment ? settings["matching.amount_adjustment_max_units"] : 0,
    now,
    direction: "payin",
    storeCommission,
    sandbox,
  });
  if (!match) return null;
  const cryptoAmount = toCrypto(match.amount);
  if (cryptoAmount <= 0n) return null;
  // A sandbox …01 pay-in gets a short deadline, so the ordinary expiry sweep expires it in seconds.
  const ttlSeconds = sandbox && sandboxScenario(amount) === "expire" ? SANDBOX_EXPIRE_SECONDS : settings["order.payment_ttl_seconds"];
  return { match, rate, cryptoAmount, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) };
}

async function tryMatch(tx: Tx, order: LockedOrder, context: MatchContext) {
  const { now } = context;
  if (!matchingOpen(context)) return null;
  if (order.type === "payout") return offerPayout(tx, order, context);

  const found = await findPayinMatch(tx, order.amount, order.store_commission, context);
  if (!found) return null;
  const { match, rate, cryptoAmount, expiresAt } = found;
  return transitionOrder(tx, {
    order,
    to: "awaiting_payment",
    // Matching is the platform's move, whoever's request it runs in.
    actor: SYSTEM_ACTOR,
    matched: match.requisite,
    patch: {
      requisiteId: match.requisiteId,
      traderId: match.traderId,
      amount: match.amount,
      rate,
      cryptoAmount,
      traderReward: match.traderReward,
      matchedAt: now,
      lastAttemptAt: now,
      nextMatchAt: null,
      expiresAt,
    },
    movements: [
      {
        account: { kind: "trader_crypto", traderId: match.traderId, currencyId: context.settlement.id },
        delta: -cryptoAmount,
        heldDelta: cryptoAmount,
        reason: "payin_hold",
        orderId: order.id,
      },
    ],
  });
}

/** First matching attempt of a new order: matched (or offered), or left `created` for the background retry. */
export async function matchOrScheduleRetry(tx: Tx, order: LockedOrder, context: MatchContext) {
  const matched = await matchOrder(tx, order, context);
  if (matched) return matched;
  return scheduleRetry(tx, order, context);
}

/** A new order the first attempt found nothing for: due for the background retry. */
export async function scheduleRetry(tx: Tx, order: LockedOrder, context: Pick<MatchContext, "now" | "settings">) {
  const { now, settings } = context;
  // retry_count counts the attempts that found nothing; the background retry takes it from here.
  // With no attempt left (order.match_attempts = 1) the order is due at once, and the retry fails it.
  const nextMatchAt = nextMatchAttemptAt({ createdAt: now, failedAttempts: 1 }, now, settings) ?? now;
  const row = await tx.incomingOrder.update({ where: { id: order.id }, data: { retryCount: 1, lastAttemptAt: now, nextMatchAt } });
  emitAfterCommit(tx, orderUnmatched.create({ orderId: order.id, nextMatchAt: nextMatchAt.toISOString() }, { id: `order-unmatched-${order.id}` }));
  return { ...row, currency: { code: order.currency_code }, requisite: null };
}
