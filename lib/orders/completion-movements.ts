import type { Movement } from "@/lib/ledger/accounts";

/**
 * The balance movements that complete an order (docs/design.md's money model), in one place for
 * the engine and for the factories that build the demo history.
 */
export function payinCompletionMovements(
  order: { id: string; storeId: number; traderId: number; fiatCurrencyId: number; amount: bigint; cryptoAmount: bigint },
  split: { storeCredit: bigint; traderReward: bigint; platformProfit: bigint },
  settlementCurrencyId: number,
): Movement[] {
  const { id: orderId, traderId } = order;
  const currencyId = settlementCurrencyId;
  return [
    { account: { kind: "trader_crypto", traderId, currencyId }, delta: split.traderReward, heldDelta: -order.cryptoAmount, reason: "payin_complete", orderId },
    { account: { kind: "store", storeId: order.storeId, currencyId }, delta: split.storeCredit, reason: "payin_credit", orderId },
    { account: { kind: "platform", currencyId }, delta: split.platformProfit, reason: "payin_profit", orderId },
    // A memo of the fiat the trader received outside the platform (not part of the zero sum).
    { account: { kind: "trader_fiat", traderId, currencyId: order.fiatCurrencyId }, delta: order.amount, reason: "fiat_turnover", orderId },
  ];
}

export function payoutCompletionMovements(
  order: { id: string; storeId: number; traderId: number },
  amounts: { storeDebit: bigint; traderCredit: bigint; platformProfit: bigint },
  settlementCurrencyId: number,
): Movement[] {
  const { id: orderId } = order;
  const currencyId = settlementCurrencyId;
  return [
    { account: { kind: "store", storeId: order.storeId, currencyId }, delta: 0n, heldDelta: -amounts.storeDebit, reason: "payout_complete", orderId },
    { account: { kind: "trader_crypto", traderId: order.traderId, currencyId }, delta: amounts.traderCredit, reason: "payout_repay", orderId },
    { account: { kind: "platform", currencyId }, delta: amounts.platformProfit, reason: "payout_profit", orderId },
  ];
}
