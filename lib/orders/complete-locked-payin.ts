import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import type { Movement } from "@/lib/ledger/accounts";
import { splitPayin } from "@/lib/money/commissions";
import { minorToDecimalString } from "@/lib/money/convert";
import { findCurrency, SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";
import type { LockedOrder } from "./load-order";
import { assertMayTransition, transitionOrder } from "./transition-order";
import { payinCompletionMovements } from "./completion-movements";
import { orderHolds } from "./hold-movements";

/**
 * Completes a pay-in the caller has already locked with `lockOrder`, in the caller's
 * transaction: the held USDT leaves the trader's deposit, the store is credited u·(1−s), the
 * trader earns u·t back to available, the platform keeps u·(s−t), and the trader's fiat
 * turnover records the amount received — at the commission and reward fixed on the order when
 * it was created and matched, whatever they are now.
 *
 * A pay-in disputed after it expired or was cancelled (the customer paid late) holds nothing
 * any more: the trader's USDT is held again first, in the same transaction, and when the
 * deposit cannot cover it the completion is refused with the amount needed.
 */
export async function completeLockedPayin(tx: Tx, order: LockedOrder, actor: Actor, note?: string) {
  if (order.type !== "payin") throw new DomainError("order_not_found", `No pay-in ${order.id}.`, { param: "id" });
  assertMayTransition(order, "completed", actor);
  if (order.trader_id === null || order.crypto_amount === null || order.trader_reward === null) {
    throw new DomainError("not_matched", `The pay-in was never matched to a trader (${order.status}); it cannot be completed.`);
  }
  const settlement = await findCurrency(tx, SETTLEMENT_CURRENCY);
  const u = order.crypto_amount;
  const split = splitPayin(u, order.store_commission, order.trader_reward);
  const holds = await orderHolds(tx, order.id);
  const rehold: Movement[] = holds.trader
    ? []
    : [{ account: { kind: "trader_crypto", traderId: order.trader_id, currencyId: settlement.id }, delta: -u, heldDelta: u, reason: "payin_late_hold", orderId: order.id }];
  try {
    return await transitionOrder(tx, {
      order,
      to: "completed",
      actor,
      note,
      patch: { completedAt: new Date(), expiresAt: null },
      history: {
        storeCommission: order.store_commission,
        storeCommissionAmount: split.storeCommissionAmount,
        traderCommission: order.trader_reward,
        traderCommissionAmount: split.traderReward,
        platformProfit: split.platformProfit,
      },
      movements: [
        ...rehold,
        ...payinCompletionMovements(
          { id: order.id, storeId: order.store_id, traderId: order.trader_id, fiatCurrencyId: order.currency_id, amount: order.amount, cryptoAmount: u },
          split,
          settlement.id,
        ),
      ],
    });
  } catch (error) {
    if (rehold.length && error instanceof DomainError && error.kind === "insufficient_funds") {
      throw new DomainError(
        "trader_deposit_insufficient",
        `The pay-in no longer holds the trader's USDT and their available deposit cannot cover ${minorToDecimalString(u, settlement.exponent)} USDT again; top up the trader's deposit first.`,
      );
    }
    throw error;
  }
}
