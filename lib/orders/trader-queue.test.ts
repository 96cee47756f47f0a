import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { completePayin } from "@/lib/orders/complete-payin";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { confirmPayout } from "@/lib/orders/confirm-payout";
import { merchantActor } from "@/lib/testing/actors";
import { completePayinOrder, createStore, releaseOrder } from "@/lib/testing";
import { getTraderBalances } from "@/lib/ledger/get-trader-balances";
import { getTraderEarnings } from "@/lib/metrics/get-trader-earnings";
import { decodeTimeCursor, encodeTimeCursor } from "@/lib/pagination/keyset";
import { listTraderHistory } from "./list-trader-history";
import { listTraderQueue } from "./list-trader-queue";
import { markTraderSeen } from "@/lib/traders/mark-trader-seen";
import { expectDomainError } from "@/lib/testing/assertions";
import { assignedPayout, matchedPayin, setupReference, storeWithBalance, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;

beforeAll(async () => {
  ({ currencies } = await setupReference());
});

/**
 * The fixture's trader acting as the trader cabinet's session does: a user with role "trader",
 * the party the order lifecycle lets complete a pay-in and mark a payout paid.
 */
async function cabinetTrader() {
  const fixture = await traderWithRequisite(currencies);
  const actor: Actor = { ...fixture.actor, role: "trader" };
  return { ...fixture, actor };
}

const PNG = { fileName: "receipt.png", contentType: "image/png", data: Buffer.from("89504e470d0a1a0a", "hex") };

describe("the live queue", () => {
  it("lists only the trader's own open orders, soonest deadline first, with the masked requisite and the payout destination", async () => {
    const store = await storeWithBalance(currencies);
    const { trader, requisite } = await traderWithRequisite(currencies, { requisite: { details: { number: "2200123412341234", holder: "TIMUR K." } } });
    const other = await traderWithRequisite(currencies);
    const payin = await matchedPayin(currencies, store, requisite, 150_000n);
    const payout = await assignedPayout(currencies, store, requisite, 300_000n);
    const done = await matchedPayin(currencies, store, requisite, 170_000n);
    await completePayinOrder(prisma, done);
    await matchedPayin(currencies, store, other.requisite, 190_000n);

    const queue = await listTraderQueue(trader.id);
    expect(queue.map((o) => o.id)).toEqual([payin.id, payout.id]); // pay-in expires in 15 min, the payout in 60
    expect(queue[0]).toMatchObject({
      type: "payin",
      status: "awaiting_payment",
      amount: "150000",
      currencyCode: "RUB",
      exponent: 2,
      requisite: { type: "card", maskedNumber: "•••• 1234", holder: "TIMUR K." },
      destination: null,
    });
    expect(JSON.stringify(queue)).not.toContain("2200123412341234");
    expect(queue[1]).toMatchObject({ type: "payout", status: "assigned", destination: { type: "card", number: "2200000000000004", holder: "IVAN PETROV", bank: "Sberbank" } });
  });

  it("refuses to complete or mark paid another trader's order: not found, nothing changed", async () => {
    const store = await storeWithBalance(currencies);
    const owner = await cabinetTrader();
    const intruder = await cabinetTrader();
    const payin = await matchedPayin(currencies, store, owner.requisite, 120_000n);
    const payout = await assignedPayout(currencies, store, owner.requisite, 130_000n);

    await expectDomainError(completePayin(payin.id, { traderId: intruder.trader.id }, intruder.actor), "order_not_found");
    await expectDomainError(markPayoutPaid(payout.id, intruder.trader.id, intruder.actor, PNG), "order_not_found");
    const rows = await prisma.incomingOrder.findMany({ where: { id: { in: [payin.id, payout.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status).sort()).toEqual(["assigned", "awaiting_payment"]);
    expect(await prisma.receipt.count({ where: { orderId: payout.id } })).toBe(0);

    // The owner can: the pay-in completes and leaves their queue; the paid payout stays there
    // until the merchant confirms it (or the confirmation window ends), then leaves too.
    await completePayin(payin.id, { traderId: owner.trader.id }, owner.actor);
    await markPayoutPaid(payout.id, owner.trader.id, owner.actor, PNG);
    expect(await listTraderQueue(owner.trader.id)).toEqual([expect.objectContaining({ id: payout.id, status: "paid" })]);
    expect(await prisma.receipt.count({ where: { orderId: payout.id, uploadedVia: "trader" } })).toBe(1);
    await confirmPayout(payout.id, store.id, merchantActor);
    expect(await listTraderQueue(owner.trader.id)).toEqual([]);
  });

  it("refuses to confirm an order that expired meanwhile with invalid_state", async () => {
    const store = await createStore(prisma);
    const { trader, requisite, actor } = await cabinetTrader();
    const order = await releaseOrder(prisma, await matchedPayin(currencies, store, requisite, 110_000n), "expired");
    await expectDomainError(completePayin(order.id, { traderId: trader.id }, actor), "invalid_state");
  });

  it("marks the trader seen at most once a minute", async () => {
    const { trader } = await traderWithRequisite(currencies);
    const t0 = new Date("2026-05-01T10:00:00Z");
    expect(await markTraderSeen(trader.id, t0)).toBe(true);
    expect(await markTraderSeen(trader.id, new Date(t0.getTime() + 30_000))).toBe(false);
    expect((await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } })).lastSeenAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await markTraderSeen(trader.id, t1)).toBe(true);
    expect((await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } })).lastSeenAt).toEqual(t1);
  });
});

describe("history", () => {
  it("pages through the trader's finished orders newest first, without repeats, and none of another trader's", async () => {
    const store = await createStore(prisma);
    const { trader, requisite } = await traderWithRequisite(currencies);
    const other = await traderWithRequisite(currencies);
    const base = Date.parse("2026-04-01T12:00:00Z");
    const finished: string[] = [];
    for (let i = 0; i < 5; i++) {
      const at = new Date(base + i * 60_000);
      const order = await matchedPayin(currencies, store, requisite, 100_000n + BigInt(i), at);
      // Two orders end in the same millisecond: the cursor's id breaks the tie.
      const endAt = new Date(base + Math.min(i, 3) * 60_000 + 1000);
      if (i % 2 === 0) await completePayinOrder(prisma, order, { at: endAt });
      else await releaseOrder(prisma, order, "expired", { at: endAt });
      finished.push(order.id);
    }
    await matchedPayin(currencies, store, requisite, 555_000n); // still open: not history
    await completePayinOrder(prisma, await matchedPayin(currencies, store, other.requisite, 100_000n));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listTraderHistory(trader.id, cursor, 2);
      seen.push(...page.orders.map((o) => o.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual([...finished].sort());

    const first = await listTraderHistory(trader.id, null, 5);
    // The last two ended in the same millisecond; the later history row comes first.
    expect(first.orders.map((o) => o.id)).toEqual([...finished].reverse());
    expect(first.orders.map((o) => o.status)).toEqual(["completed", "expired", "completed", "expired", "completed"]);
    const completed = first.orders.find((o) => o.status === "completed")!;
    expect(completed.reward).not.toBeNull();
    expect(first.orders.find((o) => o.status === "expired")!.reward).toBeNull();
  });

  it("reads a malformed cursor as the first page", async () => {
    expect(decodeTimeCursor("not-a-cursor", "bigint")).toBeNull();
    expect(decodeTimeCursor("zzzzzzzzzzzz.1", "bigint")).toBeNull();
    const cursor = { at: new Date("2026-04-01T12:00:00.123Z"), id: 123456789012n };
    expect(decodeTimeCursor(encodeTimeCursor(cursor), "bigint")).toEqual(cursor);
  });
});

describe("balances and earnings", () => {
  it("shows the deposit, its held part and the fiat turnover", async () => {
    const store = await createStore(prisma);
    const { trader, requisite } = await traderWithRequisite(currencies);
    const open = await matchedPayin(currencies, store, requisite, 925_000n); // 9 250 RUB = 100 USDT held
    await completePayinOrder(prisma, await matchedPayin(currencies, store, requisite, 92_500n)); // 925 RUB received

    const balances = await getTraderBalances(trader.id);
    expect(open.cryptoAmount).toBe(100_000_000n);
    expect(balances.usdt).toEqual({ currencyCode: "USDT", exponent: 6, available: String(10_000_000_000n - 100_000_000n - 10_000_000n + 200_000n), held: "100000000" });
    expect(balances.fiat).toEqual([{ currencyCode: "RUB", exponent: 2, available: "92500", held: "0" }]);
  });

  it("charts past days from daily_metrics and today live from today's completions", async () => {
    const store = await createStore(prisma);
    const { trader, requisite } = await traderWithRequisite(currencies);
    const now = new Date();
    const day = (daysAgo: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo));
    const metric = (daysAgo: number, traderId: number, reward: bigint, type: "payin" | "payout" = "payin") =>
      prisma.dailyMetric.create({ data: { day: day(daysAgo), storeId: store.id, traderId, currencyId: currencies.RUB.id, type, traderReward: reward } });
    await metric(1, trader.id, 1_000_000n);
    await metric(1, trader.id, 500_000n, "payout");
    await metric(29, trader.id, 7n);
    await metric(30, trader.id, 999n); // outside the 30 days
    await metric(2, requisite.traderId + 100_000, 123n); // somebody else
    await metric(0, trader.id, 42n); // today's stale aggregate: the live value wins
    await completePayinOrder(prisma, await matchedPayin(currencies, store, requisite, 92_500n, now), { at: now }); // reward 2 % of 10 USDT

    const earnings = await getTraderEarnings(trader.id, now);
    expect(earnings.days).toHaveLength(30);
    expect(earnings.days[0]).toEqual({ day: day(29).toISOString().slice(0, 10), reward: "7" });
    expect(earnings.days[28]).toEqual({ day: day(1).toISOString().slice(0, 10), reward: "1500000" });
    expect(earnings.days[29]).toEqual({ day: day(0).toISOString().slice(0, 10), reward: "200000" });
    expect(earnings.total).toBe(String(7n + 1_500_000n + 200_000n));
  });
});
