/** The four kinds of balance; each has available (`amount`) and `held` parts and a history table. */
export type LedgerAccount =
  | { kind: "store"; storeId: number; currencyId: number }
  | { kind: "trader_crypto"; traderId: number; currencyId: number }
  | { kind: "trader_fiat"; traderId: number; currencyId: number }
  | { kind: "platform"; currencyId: number };

export interface Movement {
  account: LedgerAccount;
  /** Change of the available part, in the currency's minor units. */
  delta: bigint;
  /** Change of the held part. */
  heldDelta?: bigint;
  /** Why, e.g. payin_hold, payin_complete, deposit_credit. */
  reason: string;
  orderId?: string | null;
}

export const LEDGER_TABLES = {
  store: { balance: "balance_store", history: "balance_store_history", owner: "store_id", historyBalance: "balance_store_id" },
  trader_crypto: { balance: "balance_trader_crypto", history: "balance_trader_crypto_history", owner: "trader_id", historyBalance: "balance_id" },
  trader_fiat: { balance: "balance_trader_fiat", history: "balance_trader_fiat_history", owner: "trader_id", historyBalance: "balance_id" },
  platform: { balance: "balance_platform", history: "balance_platform_history", owner: null, historyBalance: "balance_id" },
} as const;

export function ownerId(account: LedgerAccount): number | null {
  if (account.kind === "store") return account.storeId;
  if (account.kind === "platform") return null;
  return account.traderId;
}

/** A total order over accounts; locking in this order keeps concurrent transactions deadlock-free. */
export function lockKey(account: LedgerAccount): string {
  // Shared accounts last: the platform's balance (one row per currency, touched by every
  // completion) and a store's (every order of a busy store) are then locked only for the
  // transaction's last statements and its commit, not for all of its work. Any fixed order
  // keeps concurrent transactions free of deadlocks; this one also keeps the hot rows short.
  const order = ["trader_fiat", "trader_crypto", "store", "platform"].indexOf(account.kind);
  return `${order}:${String(ownerId(account) ?? 0).padStart(12, "0")}:${String(account.currencyId).padStart(6, "0")}`;
}
