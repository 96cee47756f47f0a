import { mayTransition, type Party } from "@/lib/orders/lifecycle";
import { fiatToCrypto } from "@/lib/money/convert";
import { multiply, parseDecimal } from "@/lib/money/decimal";
import { splitPayin, splitPayout } from "@/lib/money/commissions";
import { diffMovements, expectedMovements } from "./expected-movements";
import type { HistoryFact, OrderFacts, Violation } from "./facts";

export interface OrderExpectations {
  usdtId: number;
  roleOf: Map<number, string>;
  /** The store's commission when the simulator created the order. */
  commissionAtCreate?: string;
  /** The trader's reward when the order was last matched or accepted (null: not matched now). */
  rewardAtMatch?: string | null;
}

const ACTOR_PARTY: Record<string, Party> = { system: "system", merchant_api: "merchant", trader_api: "trader", customer: "customer" };

/** The lifecycle party an order_history row's actor was (a cabinet user by their role). */
export function partyOfRow(row: HistoryFact, roleOf: Map<number, string>): Party | null {
  if (row.actorType !== "user") return ACTOR_PARTY[row.actorType] ?? null;
  const role = row.actorUserId === null ? undefined : roleOf.get(row.actorUserId);
  return role === "merchant" || role === "trader" || role === "support" || role === "admin" ? role : null;
}

const sameDecimal = (a: string, b: string) => {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x.numerator * y.denominator === y.numerator * x.denominator;
};
const atMost = (a: string, b: string) => {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return x.numerator * y.denominator <= y.numerator * x.denominator;
};

/** Invariants 2, 3, 5, 6, 7 of one order, and that its every transition was the lifecycle table's. */
export function checkOrder(order: OrderFacts, expect: OrderExpectations): Violation[] {
  const found: Violation[] = [];
  const fail = (invariant: string, detail: string) => found.push({ invariant, detail: `order ${order.id} (${order.type}, ${order.status}): ${detail}` });
  const staff = (row: HistoryFact) => ["support", "admin"].includes(partyOfRow(row, expect.roleOf) ?? "");

  for (const row of order.history) {
    const party = partyOfRow(row, expect.roleOf);
    if (!party || !row.from || !mayTransition(order.type, row.from as never, row.to as never, party)) {
      fail("8 lifecycle: every transition is allowed to its party", `history #${row.id} ${row.from} → ${row.to} by ${row.actorType}/${row.actorUserId ?? "-"} (${party})`);
    }
  }

  const reward = expect.rewardAtMatch === undefined ? order.traderReward : expect.rewardAtMatch;
  const { missing, unexpected } = diffMovements(expectedMovements(order, expect.usdtId, reward), order.ledger);
  if (missing.length || unexpected.length) {
    const story = order.history.map((h) => h.to).join(" → ");
    fail("2 movements match the transitions", `story [${story}]; missing: ${missing.join("; ") || "none"}; unexpected: ${unexpected.join("; ") || "none"}`);
  }

  const open = order.disputes.filter((d) => d.status === "open").length;
  if (order.status === "disputed" ? open !== 1 : open !== 0) fail("3 open dispute ⇔ disputed order", `${open} open dispute(s)`);

  const paidAt = order.history.findIndex((h) => h.to === "paid");
  if (paidAt >= 0) {
    const undone = order.history.slice(paidAt + 1).filter((h) => ["cancelled", "expired", "failed", "created"].includes(h.to) && !staff(h));
    const invariant = order.type === "payout" ? "5 a paid payout's trader is repaid or in support's hands" : "6 a paid pay-in is never cancelled without support";
    for (const row of undone) fail(invariant, `history #${row.id} ${row.from} → ${row.to} by ${row.actorType}/${row.actorUserId ?? "-"} after it was paid`);
  }

  checkSnapshot(order, expect, reward, fail);
  return found;
}

/** Invariant 7: the commission and reward fixed on the order, the platform's share never negative, completions at the snapshot. */
function checkSnapshot(order: OrderFacts, expect: OrderExpectations, reward: string | null, fail: (invariant: string, detail: string) => void) {
  const invariant = "7 commission snapshot";
  if (expect.commissionAtCreate !== undefined && !sameDecimal(order.storeCommission, expect.commissionAtCreate)) {
    fail(invariant, `store_commission ${order.storeCommission}, but the store's commission at creation was ${expect.commissionAtCreate}`);
  }
  if (order.traderReward !== null && reward !== null && !sameDecimal(order.traderReward, reward)) {
    fail(invariant, `trader_reward ${order.traderReward}, but the trader's reward when matched was ${reward}`);
  }
  if (order.traderReward !== null && !atMost(order.traderReward, order.storeCommission)) {
    fail(invariant, `trader_reward ${order.traderReward} above store_commission ${order.storeCommission}`);
  }
  if (order.rate !== null && order.cryptoAmount !== null && fiatToCrypto(order.amount, 2, order.rate, 6, "half_up") !== order.cryptoAmount) {
    fail(invariant, `crypto_amount ${order.cryptoAmount} is not ${order.amount} at rate ${order.rate}`);
  }
  const u = order.cryptoAmount;
  for (const row of order.history.filter((h) => h.to === "completed")) {
    if (u === null || reward === null) continue;
    const split =
      order.type === "payin"
        ? splitPayin(u, order.storeCommission, reward)
        : (() => {
            const s = splitPayout(u, order.storeCommission, reward);
            return { storeCommissionAmount: s.storeCommissionAmount, traderReward: multiply(u, reward, "floor"), platformProfit: s.platformProfit };
          })();
    const recorded = [row.storeCommissionAmount, row.traderCommissionAmount, row.platformProfit].join("/");
    const wanted = [split.storeCommissionAmount, split.traderReward, split.platformProfit].join("/");
    const rates = row.storeCommission !== null && row.traderCommission !== null && sameDecimal(row.storeCommission, order.storeCommission) && sameDecimal(row.traderCommission, reward);
    if (recorded !== wanted || !rates) {
      fail(invariant, `completion history #${row.id} records ${row.storeCommission}/${row.traderCommission} → ${recorded}; the snapshot ${order.storeCommission}/${reward} gives ${wanted}`);
    }
  }
}
