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

/**
 * Generates a realistic order history for one store through the lifecycle factories: pay-ins
 * and payouts over the last `days`, mostly completed, some expired, cancelled, failed and
 * disputed, and a few still open — each with its order_history rows and exact ledger
 * movements, dated when they happened. Requisites are chosen the way the matcher would
 * (method, bounds, daily limit, deposit covering the order, one open order per requisite,
 * least recently used first), so the result satisfies every ledger invariant.
 */
export async function generateOrderHistory(tx: Tx, input: OrderHistoryInput): Promise<OrderRef[]> {
  const { random, now, fiat, crypto } = input;
  const nowMs = now.getTime();
  const days = input.days ?? 14;
  const paymentTtl = (input.paymentTtlSeconds ?? 900) * 1000;
  const payoutTtl = (input.payoutTtlSeconds ?? 3600) * 1000;
  const matchWindow = (input.matchWindowSeconds ?? 600) * 1000;
  const timeline = new Timeline(nowMs);
  const orders: OrderRef[] = [];
  let orderNumber = 100_000;
  const nextMerchantOrderId = () => `${input.merchantOrderIdPrefix ?? "demo-"}${++orderNumber}`;
  const customer = () => `cust_${String(random.int(1, 40)).padStart(4, "0")}`;
  const jitter = (minMs: number, maxMs: number) => random.int(minMs, maxMs);

  const traders = new Map(input.traders.map((t) => [t.id, { ...t }]));
  const requisites = input.traders.flatMap((t) => t.requisites);
  const open = new Set<number>();
  const dailyVolume = new Map<string, bigint>();
  const lastUsed = new Map<number, number>();
  let storeAvailable = input.storeAvailable;
  const volumeKey = (requisiteId: number, at: number) => `${requisiteId}:${new Date(at).toISOString().slice(0, 10)}`;

  const rateAt = (at: number) => {
    let rate = input.rates[0].rate;
    for (const row of input.rates) if (row.at.getTime() <= at) rate = row.rate;
    return rate;
  };

  function pickRequisite(amount: bigint, methodId: number | null, at: number, u: bigint) {
    const eligible = requisites.filter((r) => {
      const trader = traders.get(r.traderId)!;
      return (
        !open.has(r.id) &&
        (methodId === null || r.paymentMethodId === methodId) &&
        r.minAmount <= amount &&
        amount <= r.maxAmount &&
        (dailyVolume.get(volumeKey(r.id, at)) ?? 0n) + amount <= r.dailyLimit &&
        trader.available >= u
      );
    });
    eligible.sort((a, b) => (lastUsed.get(a.id) ?? 0) - (lastUsed.get(b.id) ?? 0));
    return eligible.length ? eligible[Math.min(eligible.length - 1, random.int(0, 1))] : null;
  }

  function schedulePayin(createdAt: number, outcome: PayinOutcome) {
    timeline.add(createdAt, async () => {
      const amount = BigInt(random.chance(0.15) ? random.int(10, 100) * 10_000 : random.int(5, 300) * 10_000);
      const methodId = random.chance(0.3) ? input.paymentMethodIds[1] ?? null : input.paymentMethodIds[0] ?? null;
      const order = await createPayinOrder(tx, {
        store: input.store,
        fiat,
        crypto,
        amount,
        createdAt: new Date(createdAt),
        customerId: customer(),
        merchantOrderId: nextMerchantOrderId(),
        paymentMethodId: methodId,
        randomBytes: random.bytes,
      });
      orders.push(order);
      const rate = rateAt(createdAt);
      const u = fiatToCrypto(amount, fiat.exponent, rate, crypto.exponent);
      const requisite = outcome === "failed" ? null : pickRequisite(amount, methodId, createdAt, u);
      if (!requisite) {
        // Unmatched: fails when the match window closes — or is still being retried now.
        if (createdAt + matchWindow > nowMs) return;
        timeline.add(createdAt + matchWindow, async () => {
          await releaseOrder(tx, order, "failed", { at: new Date(createdAt + matchWindow), failureReason: "no_requisite", note: "No eligible requisite within the match window" });
        });
        return;
      }
      const trader = traders.get(requisite.traderId)!;
      const matchedAt = createdAt + jitter(300, 3000);
      await matchPayinOrder(tx, order, { requisite, traderReward: trader.payinReward, rate, at: new Date(matchedAt), ttlSeconds: paymentTtl / 1000 });
      trader.available -= u;
      open.add(requisite.id);
      lastUsed.set(requisite.id, matchedAt);
      const key = volumeKey(requisite.id, matchedAt);
      dailyVolume.set(key, (dailyVolume.get(key) ?? 0n) + amount);

      const traderStep = (at: number) => ({ at: new Date(at), actorType: "trader", actorUserId: trader.userId });
      const complete = (at: number, step = traderStep(at)) =>
        timeline.add(at, async () => {
          await completePayinOrder(tx, order, step);
          const split = splitPayin(u, order.storeCommission, order.traderCommission!);
          trader.available += split.traderReward;
          storeAvailable += split.storeCredit;
          open.delete(requisite.id);
        });
      const release = (at: number, to: "expired" | "cancelled", actorType: string) =>
        timeline.add(at, async () => {
          await releaseOrder(tx, order, to, { at: new Date(at), actorType });
          trader.available += u;
          open.delete(requisite.id);
          dailyVolume.set(key, dailyVolume.get(key)! - amount);
        });
      const paid = (at: number) => timeline.add(at, async () => void (await markOrderPaid(tx, order, { at: new Date(at) })));
      const dispute = (paidAt: number, outcome: "completed" | "cancelled" | null) => {
        paid(paidAt);
        const openedAt = matchedAt + paymentTtl - jitter(MINUTE, 3 * MINUTE);
        timeline.add(openedAt, async () => {
          const row = await openDispute(tx, order, {
            at: new Date(openedAt),
            openedById: input.merchantUserId,
            reason: "The customer says they paid; the trader has not confirmed the payment.",
          });
          if (!outcome) return;
          const resolvedAt = openedAt + jitter(2 * HOUR, 20 * HOUR);
          timeline.add(resolvedAt, async () => {
            await resolveDispute(tx, order, {
              at: new Date(resolvedAt),
              disputeId: row.id,
              outcome,
              resolvedById: input.supportUserId,
              resolutionNote: outcome === "completed" ? "Bank statement shows the transfer; completed." : "No transfer found on the trader's statement; cancelled.",
            });
            if (outcome === "completed") {
              const split = splitPayin(u, order.storeCommission, order.traderCommission!);
              trader.available += split.traderReward;
              storeAvailable += split.storeCredit;
            } else {
              trader.available += u;
            }
            open.delete(requisite.id);
          });
        });
      };

      switch (outcome) {
        case "completed":
          complete(matchedAt + jitter(2 * MINUTE, 12 * MINUTE));
          break;
        case "completed_after_paid": {
          const paidAt = matchedAt + jitter(MINUTE, 5 * MINUTE);
          paid(paidAt);
          complete(paidAt + jitter(MINUTE, 6 * MINUTE));
          break;
        }
        case "expired":
          release(matchedAt + paymentTtl, "expired", "system");
          break;
        case "cancelled":
          release(matchedAt + jitter(MINUTE, 8 * MINUTE), "cancelled", "merchant_api");
          break;
        case "dispute_completed":
        case "dispute_cancelled":
          dispute(matchedAt + jitter(2 * MINUTE, 5 * MINUTE), outcome === "dispute_completed" ? "completed" : "cancelled");
          break;
        case "open_dispute":
          dispute(matchedAt + jitter(2 * MINUTE, 5 * MINUTE), null);
          break;
        case "open_paid":
          paid(Math.min(nowMs - MINUTE, matchedAt + 3 * MINUTE));
          break;
        case "open_awaiting":
          break;
      }
    });
  }

  function schedulePayout(createdAt: number, outcome: PayoutOutcome) {
    timeline.add(createdAt, async () => {
      const amount = BigInt(random.int(10, 200) * 10_000);
      const rate = rateAt(createdAt);
      const u = fiatToCrypto(amount, fiat.exponent, rate, crypto.exponent);
      const hold = payoutHold(u, input.store.payoutCommission);
      if (storeAvailable < hold) return; // the store could not have afforded it then
      const order = await createPayoutOrder(tx, {
        store: input.store,
        fiat,
        crypto,
        amount,
        rate,
        createdAt: new Date(createdAt),
        customerId: customer(),
        merchantOrderId: nextMerchantOrderId(),
        paymentMethodId: input.paymentMethodIds[0] ?? null,
        destination: { type: "card", number: `2200${String(random.int(0, 999_999_999_999)).padStart(12, "0")}`, holder: random.pick(["IVAN P.", "MARIA K.", "OLEG S.", "ANNA V."]) },
        randomBytes: random.bytes,
      });
      orders.push(order);
      storeAvailable -= hold;
      if (outcome === "cancelled") {
        const at = createdAt + jitter(MINUTE, 4 * MINUTE);
        timeline.add(at, async () => {
          await releaseOrder(tx, order, "cancelled", { at: new Date(at), actorType: "merchant_api" });
          storeAvailable += hold;
        });
        return;
      }
      const assignedAt = createdAt + jitter(MINUTE, 8 * MINUTE);
      timeline.add(assignedAt, async () => {
        // The trader pays from their own card; a payout does not occupy the requisite for pay-ins.
        const cards = requisites.filter((r) => input.paymentMethodIds[0] === undefined || r.paymentMethodId === input.paymentMethodIds[0]);
        const requisite = random.pick(cards.length ? cards : requisites);
        const trader = traders.get(requisite.traderId)!;
        await assignPayoutOrder(tx, order, { requisite, traderReward: trader.payoutReward, at: new Date(assignedAt), actorUserId: trader.userId, ttlSeconds: payoutTtl / 1000 });
        if (outcome === "open_assigned") return;
        if (outcome === "expired") {
          timeline.add(assignedAt + payoutTtl, async () => {
            await releaseOrder(tx, order, "expired", { at: new Date(assignedAt + payoutTtl) });
            storeAvailable += hold;
          });
          return;
        }
        const paidAt = assignedAt + jitter(5 * MINUTE, 30 * MINUTE);
        timeline.add(paidAt, async () => void (await markOrderPaid(tx, order, { at: new Date(paidAt), actorUserId: trader.userId })));
        const completedAt = paidAt + jitter(MINUTE, 10 * MINUTE);
        timeline.add(completedAt, async () => {
          await completePayoutOrder(tx, order, { at: new Date(completedAt), actorType: "system", note: "Receipt accepted" });
          trader.available += splitPayout(u, order.storeCommission, order.traderCommission!).traderCredit;
        });
      });
    });
  }

  // Historic orders end at least three hours ago, so every follow-up lies in the past.
  const historyStart = nowMs - days * DAY;
  const historyEnd = nowMs - 3 * HOUR;
  const payins = input.payins ?? 96;
  for (let i = 0; i < payins; i++) {
    const roll = random.next();
    const outcome: PayinOutcome = roll < 0.62 ? "completed" : roll < 0.8 ? "completed_after_paid" : roll < 0.88 ? "expired" : roll < 0.93 ? "cancelled" : "failed";
    schedulePayin(historyStart + Math.floor(random.next() * (historyEnd - historyStart)), outcome);
  }
  // Payouts start once the store has earned something.
  const payouts = input.payouts ?? 14;
  const payoutStart = nowMs - Math.floor((days * 2 * DAY) / 3);
  for (let i = 0; i < payouts; i++) {
    const roll = random.next();
    const outcome: PayoutOutcome = roll < 0.75 ? "completed" : roll < 0.88 ? "expired" : "cancelled";
    schedulePayout(payoutStart + Math.floor(random.next() * (historyEnd - payoutStart)), outcome);
  }
  // Disputes a few days back (resolved), and what is open right now.
  schedulePayin(nowMs - 3 * DAY - 5 * HOUR, "dispute_completed");
  schedulePayin(nowMs - 6 * DAY - 2 * HOUR, "dispute_cancelled");
  schedulePayin(nowMs - 26 * HOUR, "open_dispute");
  schedulePayin(nowMs - 9 * MINUTE, "open_awaiting");
  schedulePayin(nowMs - 5 * MINUTE, "open_awaiting");
  schedulePayin(nowMs - 2 * MINUTE, "open_awaiting");
  schedulePayin(nowMs - 7 * MINUTE, "open_paid");
  schedulePayout(nowMs - 40 * MINUTE, "open_assigned");

  await timeline.drain();
  return orders;
}
