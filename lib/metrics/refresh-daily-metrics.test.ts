import { beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_FILES } from "@/lib/testing/sample-files";
import { prisma } from "@/lib/db/client";
import { createPayin } from "@/lib/orders/create-payin";
import { createPayout } from "@/lib/orders/create-payout";
import { completePayin } from "@/lib/orders/complete-payin";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { confirmPayout } from "@/lib/orders/confirm-payout";
import { endOrder } from "@/lib/orders/end-order";
import { expireOrder } from "@/lib/orders/expire-due-orders";
import { retryMatch } from "@/lib/matching/retry-due-matches";
import { merchantActor, traderActor } from "@/lib/testing/actors";
import { completePayinOrder, createPayinOrder, createStore, createTrader, matchPayinOrder } from "@/lib/testing";
import { orderInput, setSetting, setupReference, storeWithBalance, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { refreshDailyMetrics } from "./refresh-daily-metrics";

const DAY = 24 * 3600_000;
const ENDED = ["completed", "failed", "expired", "cancelled"] as const;
let currencies: Currencies;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);
const today = new Date();
const yesterday = new Date(today.getTime() - DAY);
const range = { from: yesterday, to: today };

interface MetricRow {
  day: string;
  storeId: number;
  traderId: number;
  currencyId: number;
  type: "payin" | "payout";
  createdCount: number;
  completedCount: number;
  failedCount: number;
  completedAmount: bigint;
  completedCrypto: bigint;
  platformProfit: bigint;
  traderReward: bigint;
  completionSecondsSum: bigint;
}

/**
 * The metrics computed the slow way, in TypeScript over every order and history row: the
 * independent statement of what refreshDailyMetrics must produce for the days in `range`.
 */
async function recompute(from: string, to: string) {
  const orders = new Map((await prisma.incomingOrder.findMany()).map((o) => [o.id, o]));
  const ends = await prisma.orderHistory.findMany({ where: { status: { in: [...ENDED] } } });
  const groups = new Map<string, MetricRow>();
  const group = (day: string, o: { storeId: number; traderId: number | null; currencyId: number; type: MetricRow["type"] }) => {
    const key = [day, o.storeId, o.traderId ?? 0, o.currencyId, o.type].join("|");
    const row = groups.get(key) ?? {
      day, storeId: o.storeId, traderId: o.traderId ?? 0, currencyId: o.currencyId, type: o.type,
      createdCount: 0, completedCount: 0, failedCount: 0, completedAmount: 0n, completedCrypto: 0n,
      platformProfit: 0n, traderReward: 0n, completionSecondsSum: 0n,
    };
    groups.set(key, row);
    return row;
  };
  const inRange = (day: string) => day >= from && day <= to;
  for (const o of orders.values()) {
    const day = utcDay(o.createdAt);
    if (inRange(day)) group(day, o).createdCount++;
  }
  for (const h of ends) {
    const o = orders.get(h.incomingOrderId)!;
    const day = utcDay(h.processedAt);
    if (!inRange(day)) continue;
    const g = group(day, o);
    if (h.status !== "completed") {
      g.failedCount++;
      continue;
    }
    g.completedCount++;
    g.completedAmount += o.amount;
    g.completedCrypto += o.cryptoAmount ?? 0n;
    g.platformProfit += h.platformProfit ?? 0n;
    g.traderReward += h.traderCommissionAmount ?? 0n;
    g.completionSecondsSum += BigInt(Math.max(0, Math.floor((h.processedAt.getTime() - o.createdAt.getTime()) / 1000)));
  }
  return sortRows([...groups.values()]);
}

async function stored(from: string, to: string) {
  const rows = await prisma.dailyMetric.findMany({ where: { day: { gte: new Date(from), lte: new Date(to) } } });
  return sortRows(rows.map(({ id: _id, updatedAt: _updatedAt, day, ...row }): MetricRow => ({ ...row, day: utcDay(day) })));
}

function sortRows(rows: MetricRow[]) {
  const key = (r: MetricRow) => [r.day, r.storeId, r.traderId, r.currencyId, r.type].join("|");
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  const store = await storeWithBalance(currencies, 500_000_000n, { payinCommission: "0.03", payoutCommission: "0.02" });
  const traders = [];
  for (const reward of ["0.02", "0.01"]) {
    traders.push(await traderWithRequisite(currencies, { deposit: 900_000_000n, trader: { payinReward: reward, lastSeenAt: new Date() } }));
  }

  // Through the engine: created yesterday and completed today, created and completed today,
  // completed payouts, an expired, a cancelled and a failed order, and open ones.
  const lateYesterday = new Date(Date.parse(`${utcDay(yesterday)}T23:59:00Z`));
  for (let i = 0; i < 3; i++) {
    const payin = await createPayin(store, orderInput(100_000n + BigInt(i)), merchantActor, lateYesterday);
    await completePayin(payin.id, {}, traderActor);
  }
  for (let i = 0; i < 4; i++) {
    const payin = await createPayin(store, orderInput(200_000n + BigInt(i)), merchantActor);
    await completePayin(payin.id, {}, traderActor);
  }
  for (let i = 0; i < 2; i++) {
    // Offered to an online trader, accepted, paid with a receipt and confirmed by the merchant.
    const payout = await createPayout(store, { ...orderInput(50_000n + BigInt(i)), destination: { type: "card", number: "2200000000000004" } }, merchantActor);
    const { offeredTraderId } = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: payout.id } });
    if (offeredTraderId === null) throw new Error(`The payout was not offered (${payout.status})`);
    await acceptPayout(payout.id, offeredTraderId, traderActor);
    const receipt = { fileName: "r.png", contentType: "image/png", data: SAMPLE_FILES.png };
    await markPayoutPaid(payout.id, offeredTraderId, traderActor, receipt);
    await confirmPayout(payout.id, store.id, merchantActor);
  }
  const expiring = await createPayin(store, orderInput(300_000n), merchantActor);
  await expireOrder(expiring.id, expiring.expiresAt!);
  const cancelled = await createPayin(store, orderInput(300_001n), merchantActor);
  await endOrder(cancelled.id, "cancelled", { storeId: store.id }, merchantActor);
  await createPayin(store, orderInput(300_002n), merchantActor);
  const unmatched = await createPayin(store, orderInput(999_000_000n), merchantActor); // above every requisite's max
  await setSetting("order.match_attempts", 2);
  await retryMatch(unmatched.id, unmatched.nextMatchAt!);

  // Through the factories, for events the engine stamps with the real clock: created the day
  // before yesterday and completed yesterday (only the completion is in range), and completed
  // three days ago (out of range altogether).
  const fiat = { id: currencies.RUB.id, exponent: 2 };
  const crypto = { id: currencies.USDT.id, exponent: 6 };
  for (const [created, completed] of [
    [new Date(yesterday.getTime() - DAY), yesterday],
    [new Date(today.getTime() - 3 * DAY), new Date(today.getTime() - 3 * DAY + 60_000)],
  ]) {
    const { trader, requisite } = traders[1];
    const order = await createPayinOrder(prisma, { store, fiat, crypto, amount: 150_000n, createdAt: created });
    await matchPayinOrder(prisma, order, { requisite: { id: requisite.id, traderId: trader.id }, traderReward: trader.payinReward, rate: "92.5", at: created });
    await completePayinOrder(prisma, order, { at: completed });
  }
});

describe("refreshDailyMetrics", () => {
  it("equals a direct recomputation over the orders, and re-running changes nothing", async () => {
    const result = await refreshDailyMetrics(range);
    expect(result).toMatchObject({ from: utcDay(yesterday), to: utcDay(today), removed: 0 });
    expect(result.upserted).toBeGreaterThan(0);
    const expected = await recompute(utcDay(yesterday), utcDay(today));
    expect(await stored(utcDay(yesterday), utcDay(today))).toEqual(expected);

    // Spot checks of the definitions on top of the recomputation.
    const totals = expected.reduce(
      (t, r) => ({ created: t.created + r.createdCount, completed: t.completed + r.completedCount, failed: t.failed + r.failedCount }),
      { created: 0, completed: 0, failed: 0 },
    );
    expect(totals).toEqual({ created: 13, completed: 10, failed: 3 });
    expect(expected.some((r) => r.traderId === 0 && r.failedCount === 1)).toBe(true);
    expect(expected.every((r) => r.completedCount === 0 || r.platformProfit > 0n)).toBe(true);
    expect(await prisma.dailyMetric.count({ where: { day: { lt: new Date(utcDay(yesterday)) } } })).toBe(0);

    const before = await prisma.dailyMetric.findMany({ orderBy: { id: "asc" } });
    expect(await refreshDailyMetrics(range)).toMatchObject({ upserted: 0, removed: 0 });
    expect(await prisma.dailyMetric.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("counts why orders ended without completing, per day, store, status and reason", async () => {
    await refreshDailyMetrics(range);
    // The slow way: every ended, not completed history row in range with its order's reason.
    const orders = new Map((await prisma.incomingOrder.findMany()).map((o) => [o.id, o]));
    const ends = await prisma.orderHistory.findMany({ where: { status: { in: ["failed", "expired", "cancelled"] } } });
    const expected = new Map<string, number>();
    for (const h of ends) {
      const day = utcDay(h.processedAt);
      if (day < utcDay(yesterday) || day > utcDay(today)) continue;
      const o = orders.get(h.incomingOrderId)!;
      const reason = h.status === "failed" ? (o.failureReason ?? "unknown") : h.status === "cancelled" ? h.actorType : "";
      const key = [day, o.storeId, h.status, reason].join("|");
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = await prisma.dailyFailureReason.findMany();
    expect(new Map(rows.map((r) => [[utcDay(r.day), r.storeId, r.status, r.reason].join("|"), r.count]))).toEqual(expected);
    expect([...expected.keys()].map((k) => k.split("|").slice(2).join(":")).sort()).toEqual(["cancelled:merchant_api", "expired:", "failed:no_requisite_available"]);
    expect(await refreshDailyMetrics(range)).toMatchObject({ failureReasons: 0 });
  });

  it("follows changes: moves an order's counts to its trader's group and removes groups left empty", async () => {
    await refreshDailyMetrics(range);
    const store = await createStore(prisma);
    const { id: traderId } = await createTrader(prisma);
    const stale = await prisma.dailyMetric.create({
      data: { day: new Date(utcDay(today)), storeId: store.id, traderId, currencyId: currencies.RUB.id, type: "payin", createdCount: 7, updatedAt: new Date() },
    });
    const outside = await prisma.dailyMetric.create({
      data: { day: new Date(utcDay(new Date(today.getTime() - 5 * DAY))), storeId: store.id, currencyId: currencies.RUB.id, type: "payin", createdCount: 1, updatedAt: new Date() },
    });
    await prisma.reqTrader.updateMany({ data: { status: "blocked" } });
    const unmatched = await createPayin(store, orderInput(100_500n), merchantActor);
    await refreshDailyMetrics(range);
    expect(await prisma.dailyMetric.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await prisma.dailyMetric.findFirst({ where: { storeId: store.id, traderId: 0, day: new Date(utcDay(today)) } })).toMatchObject({ createdCount: 1 });

    // The unmatched order finds a trader: its created count moves to that trader's row.
    await prisma.reqTrader.updateMany({ data: { status: "active" } });
    const matched = await retryMatch(unmatched.id, unmatched.nextMatchAt!);
    expect(matched?.outcome).toBe("matched");
    const { traderId: matchedTrader } = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: unmatched.id } });
    expect(await refreshDailyMetrics(range)).toMatchObject({ removed: 1 });
    const rows = await prisma.dailyMetric.findMany({ where: { storeId: store.id, day: new Date(utcDay(today)) } });
    expect(rows).toEqual([expect.objectContaining({ traderId: matchedTrader, createdCount: 1 })]);
    expect(await prisma.dailyMetric.findUnique({ where: { id: outside.id } })).toMatchObject({ createdCount: 1 });
    expect(await stored(utcDay(yesterday), utcDay(today))).toEqual(await recompute(utcDay(yesterday), utcDay(today)));
  });

  it("gives the same result under concurrent refreshes", async () => {
    await prisma.dailyMetric.deleteMany();
    const results = await Promise.all([0, 1, 2, 3].map(() => refreshDailyMetrics(range)));
    expect(results.reduce((n, r) => n + r.upserted, 0)).toBe((await recompute(utcDay(yesterday), utcDay(today))).length);
    expect(await stored(utcDay(yesterday), utcDay(today))).toEqual(await recompute(utcDay(yesterday), utcDay(today)));
  });

  it("defaults to yesterday and today and refuses a reversed range", async () => {
    expect(await refreshDailyMetrics()).toMatchObject({ from: utcDay(new Date(Date.now() - DAY)), to: utcDay(new Date()) });
    await expect(refreshDailyMetrics({ from: today, to: yesterday })).rejects.toThrow(RangeError);
  });
});
