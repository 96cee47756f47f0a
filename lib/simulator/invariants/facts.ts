/** What the invariants read of one order: the row, its whole story, its ledger rows and disputes. */
export interface HistoryFact {
  id: number;
  from: string | null;
  to: string;
  actorType: string;
  actorUserId: number | null;
  traderId: number | null;
  storeCommission: string | null;
  storeCommissionAmount: string | null;
  traderCommission: string | null;
  traderCommissionAmount: string | null;
  platformProfit: string | null;
}

export interface LedgerFact {
  account: "store" | "trader_crypto" | "trader_fiat" | "platform";
  owner: number | null;
  currencyId: number;
  reason: string;
  delta: string;
  held: string;
}

export interface OrderFacts {
  id: string;
  type: "payin" | "payout";
  status: string;
  storeId: number;
  traderId: number | null;
  requisiteId: number | null;
  currencyId: number;
  amount: bigint;
  cryptoAmount: bigint | null;
  rate: string | null;
  storeCommission: string;
  traderReward: string | null;
  history: HistoryFact[];
  ledger: LedgerFact[];
  disputes: { id: number; status: string }[];
}

export interface Violation {
  invariant: string;
  detail: string;
}
