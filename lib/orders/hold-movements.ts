import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Movement } from "@/lib/ledger/accounts";

export interface OrderHolds {
  store: { storeId: number; currencyId: number; held: bigint } | null;
  trader: { traderId: number; currencyId: number; held: bigint } | null;
}

/**
 * What an order holds right now, read from the ledger itself (the sum of its held deltas per
 * account), so a release or completion moves exactly what was held even if commissions or
 * rates changed since.
 */
export async function orderHolds(tx: Tx, orderId: string): Promise<OrderHolds> {
  const rows = await tx.$queryRaw<{ kind: string; owner: number; currency_id: number; held: bigint }[]>`
    SELECT 'store' AS kind, store_id AS owner, currency_id, sum(held_delta)::bigint AS held
      FROM balance_store_history WHERE order_id = ${orderId} GROUP BY store_id, currency_id
    UNION ALL
    SELECT 'trader', trader_id, currency_id, sum(held_delta)::bigint
      FROM balance_trader_crypto_history WHERE order_id = ${orderId} GROUP BY trader_id, currency_id`;
  const find = (kind: string) => rows.find((r) => r.kind === kind && r.held > 0n);
  const store = find("store");
  const trader = find("trader");
  return {
    store: store ? { storeId: store.owner, currencyId: store.currency_id, held: store.held } : null,
    trader: trader ? { traderId: trader.owner, currencyId: trader.currency_id, held: trader.held } : null,
  };
}

/** Gives back everything an order holds (expiry, cancel, failure). */
export async function releaseHolds(tx: Tx, orderId: string, reason: string): Promise<Movement[]> {
  const holds = await orderHolds(tx, orderId);
  const movements: Movement[] = [];
  if (holds.store) {
    const { storeId, currencyId, held } = holds.store;
    movements.push({ account: { kind: "store", storeId, currencyId }, delta: held, heldDelta: -held, reason, orderId });
  }
  if (holds.trader) {
    const { traderId, currencyId, held } = holds.trader;
    movements.push({ account: { kind: "trader_crypto", traderId, currencyId }, delta: held, heldDelta: -held, reason, orderId });
  }
  return movements;
}
