import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { splitPayin } from "@/lib/money/commissions";
import { findCurrency, SETTLEMENT_CURRENCY } from "@/lib/reference/find-currency";
import type { LockedOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { payinCompletionMovements } from "./completion-movements";

/**
 * Completes a pay-in the caller has already locked with `lockOrder`, in the caller's
 * transaction: the held USDT leaves the trader's deposit, the store is credited u·(1−s), the
 * trader earns u·t back to available, the platform keeps u·(s−t), and the trader's fiat
 * turnover records the amount received. Support resolving a dispute needs this under the same
 * lock and transaction as the dispute row it closes.
 */
export async function completeLockedPayin(tx: Tx, order: LockedOrder, actor: Actor, note?: string) {
  if (order.type !== "payin") throw new DomainError("not_found", "order_not_found", `No pay-in ${order.id}.`, "id");
  if (order.status === "completed") throw new DomainError("invalid_state", "invalid_state", "The pay-in is already completed.");
  if (order.trader_id === null || order.crypto_amount === null) {
    throw new DomainError("invalid_state", "invalid_state", `The order is ${order.status}; it cannot become completed.`);
  }
  const settlement = await findCurrency(tx, SETTLEMENT_CURRENCY);
  const [store, trader] = await Promise.all([
    tx.merchantStore.findUniqueOrThrow({ where: { id: order.store_id }, select: { payinCommission: true } }),
    tx.trader.findUniqueOrThrow({ where: { id: order.trader_id }, select: { payinReward: true } }),
  ]);
  const s = store.payinCommission.toString();
  const t = trader.payinReward.toString();
  const u = order.crypto_amount;
  const split = splitPayin(u, s, t);
  return transitionOrder(tx, {
    order,
    to: "completed",
    actor,
    note,
    patch: { completedAt: new Date(), expiresAt: null },
    history: {
      storeCommission: s,
      storeCommissionAmount: split.storeCommissionAmount,
      traderCommission: t,
      traderCommissionAmount: split.traderReward,
      platformProfit: split.platformProfit,
    },
    movements: payinCompletionMovements(
      { id: order.id, storeId: order.store_id, traderId: order.trader_id, fiatCurrencyId: order.currency_id, amount: order.amount, cryptoAmount: u },
      split,
      settlement.id,
    ),
  });
}
