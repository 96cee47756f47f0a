import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { multiply } from "@/lib/money/decimal";
import { findCurrency, SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";
import type { LockedOrder } from "./load-order";
import { orderHolds } from "./hold-movements";
import { assertMayTransition, transitionOrder } from "./transition-order";
import { payoutCompletionMovements } from "./completion-movements";

/**
 * Completes a payout (locked by the caller): the store's held u·(1+s) is spent, the trader is
 * repaid u·(1+t) in USDT and the platform keeps the difference — s and t as fixed on the order
 * at creation and acceptance.
 */
export async function completePayout(tx: Tx, order: LockedOrder, actor: Actor, note?: string) {
  assertMayTransition(order, "completed", actor);
  if (order.trader_id === null || order.crypto_amount === null || order.trader_reward === null) {
    throw new DomainError("not_matched", `No trader has taken the payout (${order.status}); it cannot be completed.`);
  }
  const holds = await orderHolds(tx, order.id);
  if (!holds.store) throw new DomainError("invalid_state", "The payout holds no store funds.");
  const settlement = await findCurrency(tx, SETTLEMENT_CURRENCY);
  const u = order.crypto_amount;
  const reward = multiply(u, order.trader_reward, "floor");
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
      storeCommission: order.store_commission,
      storeCommissionAmount: storeDebit - u,
      traderCommission: order.trader_reward,
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
