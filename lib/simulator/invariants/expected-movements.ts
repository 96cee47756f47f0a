import { multiply } from "@/lib/money/decimal";
import { splitPayin, splitPayout } from "@/lib/money/commissions";
import type { LedgerFact, OrderFacts } from "./facts";

const VERB: Record<string, string> = { expired: "expire", cancelled: "cancel", failed: "fail" };

/**
 * The ledger rows docs/design.md's movement table implies for an order's transitions, derived
 * independently of the engine from order_history and the order's snapshot (USDT value,
 * commission, reward). Pay-in: a hold on match, released on expiry/cancel, or on completion
 * spent as store credit, trader reward and platform profit (a late-paid pay-in is held again
 * first). Payout: the store's u·(1+s) held on creation, released, or on completion paid out as
 * the trader's u·(1+t) and the platform's rest. Zero movements are not written.
 */
export function expectedMovements(order: OrderFacts, usdtId: number, reward: string | null): LedgerFact[] {
  const u = order.cryptoAmount;
  if (u === null) return [];
  const rows: LedgerFact[] = [];
  const add = (account: LedgerFact["account"], owner: number | null, reason: string, delta: bigint, held = 0n, currencyId = usdtId) => {
    if (delta !== 0n || held !== 0n) rows.push({ account, owner, currencyId, reason, delta: String(delta), held: String(held) });
  };
  let held = 0n;

  if (order.type === "payin") {
    for (const row of order.history) {
      if (row.to === "awaiting_payment") {
        add("trader_crypto", row.traderId, "payin_hold", -u, u);
        held = u;
      } else if (row.to === "completed") {
        if (held === 0n) add("trader_crypto", order.traderId, "payin_late_hold", -u, u);
        const split = splitPayin(u, order.storeCommission, reward ?? "0");
        add("trader_crypto", order.traderId, "payin_complete", split.traderReward, -u);
        add("store", order.storeId, "payin_credit", split.storeCredit);
        add("platform", null, "payin_profit", split.platformProfit);
        add("trader_fiat", order.traderId, "fiat_turnover", order.amount, 0n, order.currencyId);
        held = 0n;
      } else if (VERB[row.to] && held > 0n) {
        add("trader_crypto", order.traderId, `payin_${VERB[row.to]}_release`, held, -held);
        held = 0n;
      }
    }
    return rows;
  }

  const debit = splitPayout(u, order.storeCommission, "0").storeDebit;
  add("store", order.storeId, "payout_hold", -debit, debit);
  held = debit;
  for (const row of order.history) {
    if (row.to === "completed") {
      const traderCredit = u + multiply(u, reward ?? "0", "floor");
      add("store", order.storeId, "payout_complete", 0n, -debit);
      add("trader_crypto", row.traderId, "payout_repay", traderCredit);
      add("platform", null, "payout_profit", debit - traderCredit);
      held = 0n;
    } else if (VERB[row.to] && held > 0n) {
      add("store", order.storeId, `payout_${VERB[row.to]}_release`, held, -held);
      held = 0n;
    }
  }
  return rows;
}

const key = (row: LedgerFact) => `${row.account}#${row.owner ?? "-"} ${row.reason} Δ${row.delta} held${row.held} cur${row.currencyId}`;

/** Rows expected but missing, and rows present but not expected (as multisets). */
export function diffMovements(expected: LedgerFact[], actual: LedgerFact[]): { missing: string[]; unexpected: string[] } {
  const remaining = new Map<string, number>();
  for (const row of actual) remaining.set(key(row), (remaining.get(key(row)) ?? 0) + 1);
  const missing: string[] = [];
  for (const row of expected) {
    const left = remaining.get(key(row)) ?? 0;
    if (left > 0) remaining.set(key(row), left - 1);
    else missing.push(key(row));
  }
  const unexpected = [...remaining].flatMap(([k, n]) => Array.from({ length: n }, () => k));
  return { missing, unexpected };
}
