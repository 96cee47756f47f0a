// The demo store's order history: pay-ins and payouts over the last two weeks, moved through
// the lifecycle factories on one timeline, so every balance is checked as it would have been
// at the time and the ledger stays exact.
import type { Tx } from "@/lib/db/client";
import { fiatToCrypto, payoutHold, splitPayin, splitPayout } from "@/lib/testing/money";
import { markOrderPaid, releaseOrder } from "@/lib/testing/orders/common";
import { openDispute, resolveDispute } from "@/lib/testing/orders/disputes";
import { completePayinOrder, createPayinOrder, matchPayinOrder } from "@/lib/testing/orders/payin";
import { assignPayoutOrder, completePayoutOrder, createPayoutOrder } from "@/lib/testing/orders/payout";
import type { CurrencyRef, DecimalLike, OrderRef } from "@/lib/testing/orders/transition";
import type { Random } from "@/lib/testing/random";

export interface HistoryRequisite {
  id: number;
  traderId: number;
  paymentMethodId: number | null;
  minAmount: bigint;
  maxAmount: bigint;
  dailyLimit: bigint;
}

export interface HistoryTrader {
  id: number;
  userId: number;
  payinReward: DecimalLike;
  payoutReward: DecimalLike;
  requisites: HistoryRequisite[];
  /** Available crypto deposit when the history starts (minor units). */
  available: bigint;
}

export interface OrderHistoryInput {
  store: { id: number; payinCommission: DecimalLike; payoutCommission: DecimalLike };
  /** Available store balance in crypto when the history starts. */
  storeAvailable: bigint;
  traders: HistoryTrader[];
  fiat: CurrencyRef;
  crypto: CurrencyRef;
  /** Fiat per crypto rate history, oldest first; each order uses the rate in force when it was created. */
  rates: { at: Date; rate: string }[];
  paymentMethodIds: number[];
  merchantUserId: number;
  supportUserId: number;
  now: Date;
  random: Random;
  days?: number;
  payins?: number;
  payouts?: number;
  merchantOrderIdPrefix?: string;
  paymentTtlSeconds?: number;
  payoutTtlSeconds?: number;
  matchWindowSeconds?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Events run strictly in time order, so every balance is checked as it would have been then. */
class Timeline {
  private events: { at: number; seq: number; run: () => Promise<void> }[] = [];
  private seq = 0;
  constructor(private readonly limit: number) {}

  add(at: number, run: () => Promise<void>) {
    if (at > this.limit) throw new Error(`Demo history event in the future (${new Date(at).toISOString()})`);
    this.events.push({ at, seq: this.seq++, run });
  }

  async drain() {
    while (this.events.length) {
      let first = 0;
      for (let i = 1; i < this.events.length; i++) {
        const [a, b] = [this.events[i], this.events[first]];
        if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) first = i;
      }
      const [event] = this.events.splice(first, 1);
      await event.run();
    }
  }
}

type PayinOutcome = "completed" | "completed_after_paid" | "expired" | "cancelled" | "failed" | "dispute_completed" | "dispute_cancelled" | "open_awaiting" | "open_paid" | "open_dispute";
type PayoutOutcome = "completed" | "expired" | "cancelled" | "open_assigned";

/** What the generator tracks while the timeline runs: the balances and requisite use the matcher would see. */
interface History {
  tx: Tx;
  input: OrderHistoryInput;
  random: Random;
  nowMs: number;
  paymentTtl: number;
  payoutTtl: number;
  matchWindow: number;
  timeline: Timeline;
  orders: OrderRef[];
  orderNumber: number;
  traders: Map<number, HistoryTrader>;
  requisites: HistoryRequisite[];
  /** Requisites with an open pay-in (one at a time). */
  open: Set<number>;
  /** Fiat matched per requisite and UTC day. */
  dailyVolume: Map<string, bigint>;
  lastUsed: Map<number, number>;
  storeAvailable: bigint;
}

/** A pay-in matched on the timeline: its requisite, trader, USDT value and daily-volume key. */
interface MatchedPayin {
  order: OrderRef;
  trader: HistoryTrader;
  requisite: HistoryRequisite;
  amount: bigint;
  u: bigint;
  matchedAt: number;
  volumeKey: string;
}

/**
 * Generates a realistic order history for one store through the lifecycle factories: pay-ins
 * and payouts over the last `days`, mostly completed, some expired, cancelled, failed and
 * disputed, and a few still open — each with its order_history rows and exact ledger
 * movements, dated when they happened. Requisites are chosen the way the matcher would
 * (method, bounds, daily limit, deposit covering the order, one open order per requisite,
 * least recently used first), so the result satisfies every ledger invariant.
 */
export async function generateOrderHistory(tx: Tx, input: OrderHistoryInput): Promise<OrderRef[]> {
  const history = startHistory(tx, input);
  scheduleFinishedOrders(history, input.days ?? 14);
  scheduleRecentDisputesAndOpenOrders(history);
  await history.timeline.drain();
  return history.orders;
}

function startHistory(tx: Tx, input: OrderHistoryInput): History {
  const nowMs = input.now.getTime();
  return {
    tx,
    input,
    random: input.random,
    nowMs,
    paymentTtl: (input.paymentTtlSeconds ?? 900) * 1000,
    payoutTtl: (input.payoutTtlSeconds ?? 3600) * 1000,
    matchWindow: (input.matchWindowSeconds ?? 600) * 1000,
    timeline: new Timeline(nowMs),
    orders: [],
    orderNumber: 100_000,
    traders: new Map(input.traders.map((t) => [t.id, { ...t }])),
    requisites: input.traders.flatMap((t) => t.requisites),
    open: new Set<number>(),
    dailyVolume: new Map<string, bigint>(),
    lastUsed: new Map<number, number>(),
    storeAvailable: input.storeAvailable,
  };
}

/** The bulk of the history: pay-ins over `days` and payouts once the store has earned something, all ended at least three hours ago. */
function scheduleFinishedOrders(history: History, days: number) {
  const { random, nowMs, input } = history;
  // Historic orders end at least three hours ago, so every follow-up lies in the past.
  const historyStart = nowMs - days * DAY;
  const historyEnd = nowMs - 3 * HOUR;
  const payins = input.payins ?? 96;
  for (let i = 0; i < payins; i++) {
    const roll = random.next();
    const outcome: PayinOutcome = roll < 0.62 ? "completed" : roll < 0.8 ? "completed_after_paid" : roll < 0.88 ? "expired" : roll < 0.93 ? "cancelled" : "failed";
    schedulePayin(history, historyStart + Math.floor(random.next() * (historyEnd - historyStart)), outcome);
  }
  // Payouts start once the store has earned something.
  const payouts = input.payouts ?? 14;
  const payoutStart = nowMs - Math.floor((days * 2 * DAY) / 3);
  for (let i = 0; i < payouts; i++) {
    const roll = random.next();
    const outcome: PayoutOutcome = roll < 0.75 ? "completed" : roll < 0.88 ? "expired" : "cancelled";
    schedulePayout(history, payoutStart + Math.floor(random.next() * (historyEnd - payoutStart)), outcome);
  }
}

/** Disputes a few days back (resolved), and what is open right now. */
function scheduleRecentDisputesAndOpenOrders(history: History) {
  const { nowMs } = history;
  schedulePayin(history, nowMs - 3 * DAY - 5 * HOUR, "dispute_completed");
  schedulePayin(history, nowMs - 6 * DAY - 2 * HOUR, "dispute_cancelled");
  schedulePayin(history, nowMs - 26 * HOUR, "open_dispute");
  schedulePayin(history, nowMs - 9 * MINUTE, "open_awaiting");
  schedulePayin(history, nowMs - 5 * MINUTE, "open_awaiting");
  schedulePayin(history, nowMs - 2 * MINUTE, "open_awaiting");
  schedulePayin(history, nowMs - 7 * MINUTE, "open_paid");
  schedulePayout(history, nowMs - 40 * MINUTE, "open_assigned");
}

const jitter = (history: History, minMs: number, maxMs: number) => history.random.int(minMs, maxMs);
const customer = (history: History) => `cust_${String(history.random.int(1, 40)).padStart(4, "0")}`;
const nextMerchantOrderId = (history: History) => `${history.input.merchantOrderIdPrefix ?? "demo-"}${++history.orderNumber}`;
const volumeKeyOf = (requisiteId: number, at: number) => `${requisiteId}:${new Date(at).toISOString().slice(0, 10)}`;

function rateAt(history: History, at: number) {
  let rate = history.input.rates[0].rate;
  for (const row of history.input.rates) if (row.at.getTime() <= at) rate = row.rate;
  return rate;
}

/** The requisite the matcher would take for `amount` (worth `u`) at `at`, or null when none is eligible. */
function pickRequisite(history: History, amount: bigint, methodId: number | null, at: number, u: bigint) {
  const { requisites, traders, open, dailyVolume, lastUsed, random } = history;
  const eligible = requisites.filter((r) => {
    const trader = traders.get(r.traderId)!;
    return (
      !open.has(r.id) &&
      (methodId === null || r.paymentMethodId === methodId) &&
      r.minAmount <= amount &&
      amount <= r.maxAmount &&
      (dailyVolume.get(volumeKeyOf(r.id, at)) ?? 0n) + amount <= r.dailyLimit &&
      trader.available >= u
    );
  });
  eligible.sort((a, b) => (lastUsed.get(a.id) ?? 0) - (lastUsed.get(b.id) ?? 0));
  return eligible.length ? eligible[Math.min(eligible.length - 1, random.int(0, 1))] : null;
}

/** A pay-in created at `createdAt` and taken towards `outcome` on the timeline. */
function schedulePayin(history: History, createdAt: number, outcome: PayinOutcome) {
  history.timeline.add(createdAt, async () => {
    const payin = await createMatchedPayin(history, createdAt, outcome);
    if (payin) schedulePayinOutcome(history, payin, outcome);
  });
}

/** Creates the pay-in and matches it to a requisite; unmatched (or meant to fail), it fails when the match window closes. */
async function createMatchedPayin(history: History, createdAt: number, outcome: PayinOutcome): Promise<MatchedPayin | null> {
  const { tx, input, random, timeline, matchWindow } = history;
  const amount = BigInt(random.chance(0.15) ? random.int(10, 100) * 10_000 : random.int(5, 300) * 10_000);
  const methodId = random.chance(0.3) ? input.paymentMethodIds[1] ?? null : input.paymentMethodIds[0] ?? null;
  const order = await createPayinOrder(tx, {
    store: input.store,
    fiat: input.fiat,
    crypto: input.crypto,
    amount,
    createdAt: new Date(createdAt),
    customerId: customer(history),
    merchantOrderId: nextMerchantOrderId(history),
    paymentMethodId: methodId,
    randomBytes: random.bytes,
  });
  history.orders.push(order);
  const rate = rateAt(history, createdAt);
  const u = fiatToCrypto(amount, input.fiat.exponent, rate, input.crypto.exponent);
  const requisite = outcome === "failed" ? null : pickRequisite(history, amount, methodId, createdAt, u);
  if (!requisite) {
    // Unmatched: fails when the match window closes — or is still being retried now.
    if (createdAt + matchWindow > history.nowMs) return null;
    timeline.add(createdAt + matchWindow, async () => {
      await releaseOrder(tx, order, "failed", { at: new Date(createdAt + matchWindow), failureReason: "no_requisite", note: "No eligible requisite within the match window" });
    });
    return null;
  }
  const trader = history.traders.get(requisite.traderId)!;
  const matchedAt = createdAt + jitter(history, 300, 3000);
  await matchPayinOrder(tx, order, { requisite, traderReward: trader.payinReward, rate, at: new Date(matchedAt), ttlSeconds: history.paymentTtl / 1000 });
  trader.available -= u;
  history.open.add(requisite.id);
  history.lastUsed.set(requisite.id, matchedAt);
  const volumeKey = volumeKeyOf(requisite.id, matchedAt);
  history.dailyVolume.set(volumeKey, (history.dailyVolume.get(volumeKey) ?? 0n) + amount);
  return { order, trader, requisite, amount, u, matchedAt, volumeKey };
}

/** Schedules what happens to a matched pay-in after its match: the steps of `outcome`. */
function schedulePayinOutcome(history: History, payin: MatchedPayin, outcome: PayinOutcome) {
  const { matchedAt } = payin;
  switch (outcome) {
    case "completed":
      completePayinAt(history, payin, matchedAt + jitter(history, 2 * MINUTE, 12 * MINUTE));
      break;
    case "completed_after_paid": {
      const paidAt = matchedAt + jitter(history, MINUTE, 5 * MINUTE);
      markPayinPaidAt(history, payin, paidAt);
      completePayinAt(history, payin, paidAt + jitter(history, MINUTE, 6 * MINUTE));
      break;
    }
    case "expired":
      releasePayinAt(history, payin, matchedAt + history.paymentTtl, "expired", "system");
      break;
    case "cancelled":
      releasePayinAt(history, payin, matchedAt + jitter(history, MINUTE, 8 * MINUTE), "cancelled", "merchant_api");
      break;
    case "dispute_completed":
    case "dispute_cancelled":
      disputePayin(history, payin, matchedAt + jitter(history, 2 * MINUTE, 5 * MINUTE), outcome === "dispute_completed" ? "completed" : "cancelled");
      break;
    case "open_dispute":
      disputePayin(history, payin, matchedAt + jitter(history, 2 * MINUTE, 5 * MINUTE), null);
      break;
    case "open_paid":
      markPayinPaidAt(history, payin, Math.min(history.nowMs - MINUTE, matchedAt + 3 * MINUTE));
      break;
    case "open_awaiting":
      break;
  }
}

/** The store's and trader's shares of a completed pay-in become available; the requisite is free again. */
function settleCompletedPayin(history: History, { order, trader, requisite, u }: MatchedPayin) {
  const split = splitPayin(u, order.storeCommission, order.traderCommission!);
  trader.available += split.traderReward;
  history.storeAvailable += split.storeCredit;
  history.open.delete(requisite.id);
}

function completePayinAt(history: History, payin: MatchedPayin, at: number) {
  history.timeline.add(at, async () => {
    await completePayinOrder(history.tx, payin.order, { at: new Date(at), actorType: "trader", actorUserId: payin.trader.userId });
    settleCompletedPayin(history, payin);
  });
}

function releasePayinAt(history: History, payin: MatchedPayin, at: number, to: "expired" | "cancelled", actorType: string) {
  history.timeline.add(at, async () => {
    await releaseOrder(history.tx, payin.order, to, { at: new Date(at), actorType });
    payin.trader.available += payin.u;
    history.open.delete(payin.requisite.id);
    history.dailyVolume.set(payin.volumeKey, history.dailyVolume.get(payin.volumeKey)! - payin.amount);
  });
}

function markPayinPaidAt(history: History, payin: MatchedPayin, at: number) {
  history.timeline.add(at, async () => void (await markOrderPaid(history.tx, payin.order, { at: new Date(at) })));
}

/** The customer says paid, the merchant opens a dispute before the deadline, and support decides (or has not yet, for null). */
function disputePayin(history: History, payin: MatchedPayin, paidAt: number, outcome: "completed" | "cancelled" | null) {
  const { tx, input, timeline } = history;
  markPayinPaidAt(history, payin, paidAt);
  const openedAt = payin.matchedAt + history.paymentTtl - jitter(history, MINUTE, 3 * MINUTE);
  timeline.add(openedAt, async () => {
    const row = await openDispute(tx, payin.order, {
      at: new Date(openedAt),
      openedById: input.merchantUserId,
      reason: "The customer says they paid; the trader has not confirmed the payment.",
    });
    if (!outcome) return;
    const resolvedAt = openedAt + jitter(history, 2 * HOUR, 20 * HOUR);
    timeline.add(resolvedAt, async () => {
      await resolveDispute(tx, payin.order, {
        at: new Date(resolvedAt),
        disputeId: row.id,
        outcome,
        resolvedById: input.supportUserId,
        resolutionNote: outcome === "completed" ? "Bank statement shows the transfer; completed." : "No transfer found on the trader's statement; cancelled.",
      });
      if (outcome === "completed") {
        settleCompletedPayin(history, payin);
      } else {
        payin.trader.available += payin.u;
        history.open.delete(payin.requisite.id);
      }
    });
  });
}

/** A payout created at `createdAt` (if the store could afford it then) and taken towards `outcome` on the timeline. */
function schedulePayout(history: History, createdAt: number, outcome: PayoutOutcome) {
  history.timeline.add(createdAt, async () => {
    const payout = await createHeldPayout(history, createdAt);
    if (!payout) return;
    if (outcome === "cancelled") {
      const at = createdAt + jitter(history, MINUTE, 4 * MINUTE);
      history.timeline.add(at, async () => {
        await releaseOrder(history.tx, payout.order, "cancelled", { at: new Date(at), actorType: "merchant_api" });
        history.storeAvailable += payout.hold;
      });
      return;
    }
    const assignedAt = createdAt + jitter(history, MINUTE, 8 * MINUTE);
    history.timeline.add(assignedAt, () => assignAndFinishPayout(history, payout, assignedAt, outcome));
  });
}

/** Creates the payout, holding u·(1+s) of the store's balance; null when the store could not have afforded it. */
async function createHeldPayout(history: History, createdAt: number) {
  const { tx, input, random } = history;
  const amount = BigInt(random.int(10, 200) * 10_000);
  const rate = rateAt(history, createdAt);
  const u = fiatToCrypto(amount, input.fiat.exponent, rate, input.crypto.exponent);
  const hold = payoutHold(u, input.store.payoutCommission);
  if (history.storeAvailable < hold) return null; // the store could not have afforded it then
  const order = await createPayoutOrder(tx, {
    store: input.store,
    fiat: input.fiat,
    crypto: input.crypto,
    amount,
    rate,
    createdAt: new Date(createdAt),
    customerId: customer(history),
    merchantOrderId: nextMerchantOrderId(history),
    paymentMethodId: input.paymentMethodIds[0] ?? null,
    destination: { type: "card", number: `2200${String(random.int(0, 999_999_999_999)).padStart(12, "0")}`, holder: random.pick(["IVAN P.", "MARIA K.", "OLEG S.", "ANNA V."]) },
    randomBytes: random.bytes,
  });
  history.orders.push(order);
  history.storeAvailable -= hold;
  return { order, u, hold };
}

/** A trader takes the payout at `assignedAt`; it then expires, stays open, or is paid and completed. */
async function assignAndFinishPayout(history: History, payout: { order: OrderRef; u: bigint; hold: bigint }, assignedAt: number, outcome: PayoutOutcome) {
  const { tx, input, random, timeline, payoutTtl } = history;
  const { order } = payout;
  // The trader pays from their own card; a payout does not occupy the requisite for pay-ins.
  const cards = history.requisites.filter((r) => input.paymentMethodIds[0] === undefined || r.paymentMethodId === input.paymentMethodIds[0]);
  const requisite = random.pick(cards.length ? cards : history.requisites);
  const trader = history.traders.get(requisite.traderId)!;
  await assignPayoutOrder(tx, order, { requisite, traderReward: trader.payoutReward, at: new Date(assignedAt), actorUserId: trader.userId, ttlSeconds: payoutTtl / 1000 });
  if (outcome === "open_assigned") return;
  if (outcome === "expired") {
    timeline.add(assignedAt + payoutTtl, async () => {
      await releaseOrder(tx, order, "expired", { at: new Date(assignedAt + payoutTtl) });
      history.storeAvailable += payout.hold;
    });
    return;
  }
  const paidAt = assignedAt + jitter(history, 5 * MINUTE, 30 * MINUTE);
  timeline.add(paidAt, async () => void (await markOrderPaid(tx, order, { at: new Date(paidAt), actorUserId: trader.userId })));
  const completedAt = paidAt + jitter(history, MINUTE, 10 * MINUTE);
  timeline.add(completedAt, async () => {
    await completePayoutOrder(tx, order, { at: new Date(completedAt), actorType: "system", note: "Receipt accepted" });
    trader.available += splitPayout(payout.u, order.storeCommission, order.traderCommission!).traderCredit;
  });
}
