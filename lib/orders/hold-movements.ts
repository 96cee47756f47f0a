import type { Movement } from "@/lib/ledger/accounts";
import type { LockedOrder } from "./load-order";

/** Gives back what an order holds when it ends without completing (expiry, cancel, failure). */
export function releaseMovements(order: LockedOrder, settlementCurrencyId: number, reason: string): Movement[] {
  if (order.type === "payin") {
    if (order.trader_id === null || order.crypto_amount === null) return [];
    return [
      {
        account: { kind: "trader_crypto", traderId: order.trader_id, currencyId: settlementCurrencyId },
        delta: order.crypto_amount,
        heldDelta: -order.crypto_amount,
        reason,
        orderId: order.id,
      },
    ];
  }
  return []; // payouts: filled in by the payout flow (store hold release)
}
