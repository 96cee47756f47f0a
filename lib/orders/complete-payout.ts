import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { multiply } from "@/lib/money/decimal";
import { findCurrency, SETTLEMENT_CURRENCY } from "@/lib/reference/find-currency";
import type { LockedOrder } from "./load-order";
import { orderHolds } from "./hold-movements";
import { transitionOrder } from "./transition-order";
import { payoutCompletionMovements } from "./completion-movements";

/**
 * Completes a paid payout (locked by the caller): the store's held u·(1+s) is spent, the
 * trader is repaid u·(1+t) in USDT and the platform keeps the difference.
 */
export async function completePayout(tx: Tx, order: LockedOrder, actor: Actor, note?: string) {
  if (order.trader_id === null || order.crypto_amount === null) {
    throw new DomainError("invalid_state", "invalid_state", `The order is ${order.status}; it cannot become completed.`);
  }
  const holds = await orderHolds(tx, order.id);
  if (!holds.store) throw new DomainError("invalid_state", "invalid_state", "The payout holds no store funds.");
  const settlement = await findCurrency(tx, SETTLEMENT_CURRENCY);
  const trader = await tx.trader.findUniqueOrThrow({ where: { id: order.trader_id }, select: { payoutReward: true } });
  const store = await tx.merchantStore.findUniqueOrThrow({ where: { id: order.store_id }, select: { payoutCommission: true } });
  const u = order.crypto_amount;
  const reward = multiply(u, trader.payoutReward, "floor");
  const storeDebit = holds.store.held;
  const traderCredit = u + reward;
  const platformProfit = storeDebit - traderCredit;
  return transitionOrder(tx, {
    order,
    to: "completed",
    actor,
    note,
    patch: { completedAt: new Date(), expiresAt: null },
    history: {
      storeCommission: store.payoutCommission,
      storeCommissionAmount: storeDebit - u,
      traderCommission: trader.payoutReward,
      traderCommissionAmount: reward,
      platformProfit,
    },
    movements: payoutCompletionMovements(
      { id: order.id, storeId: order.store_id, traderId: order.trader_id },
      { storeDebit, traderCredit, platformProfit },
      settlement.id,
    ),
  });
}
