import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayin } from "@/lib/orders/create-payin";
import { createPayout } from "@/lib/orders/create-payout";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { invalidateSettings } from "@/lib/settings/read-settings";
import type { SettingKey } from "@/lib/settings/definitions";
import { createStore } from "@/lib/testing";
import { orderInput, setupReference, storeWithBalance, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { NO_REQUISITE_AVAILABLE, retryDueMatches, retryMatch } from "./retry-due-matches";

import { merchantActor as merchant, traderActor as trader_ } from "@/lib/testing/actors";
let currencies: Currencies;

/** A trader with 900 USDT and one RUB requisite; traffic switched off unless `enabled`. */
const traderWithTraffic = (enabled: boolean) => traderWithRequisite(currencies, { deposit: 900_000_000n, trader: { isTrafficEnabledByTeamlead: enabled } });

const order = (id: string) => prisma.incomingOrder.findUniqueOrThrow({ where: { id } });
const after = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

async function withSettings(values: Partial<Record<SettingKey, number>>, run: () => Promise<void>) {
  const keys = Object.keys(values) as SettingKey[];
  const saved = await prisma.configurationSetting.findMany({ where: { key: { in: keys } } });
  for (const key of keys) await prisma.configurationSetting.update({ where: { key }, data: { value: values[key] } });
  invalidateSettings();
  try {
    await run();
  } finally {
    for (const row of saved) await prisma.configurationSetting.update({ where: { key: row.key }, data: { value: row.value ?? undefined } });
    invalidateSettings();
  }
}

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
});

beforeEach(async () => {
  // Nothing matches unless the test creates or enables a requisite; earlier tests' unmatched
  // orders are failed out of the way (their window has long passed by then).
  await prisma.reqTrader.updateMany({ data: { status: "blocked" } });
  await retryDueMatches({ now: after(new Date(), 86_400), limit: 10_000 });
});

describe("retryMatch", () => {
  it("the create request schedules the first retry with the backoff's base delay", async () => {
    const store = await createStore(prisma);
    const now = new Date();
    const payin = await createPayin(store, orderInput(100_000n), merchant, now);
    expect(payin).toMatchObject({ status: "created", retryCount: 1, lastAttemptAt: now, nextMatchAt: after(now, 5) });
  });

  it("retries with growing delays and matches once a requisite becomes available", async () => {
    const store = await storeWithBalance(currencies, 100_000_000n);
    const { trader, requisite } = await traderWithTraffic(false);
    const t0 = new Date();
    const payin = await createPayin(store, orderInput(100_000n), merchant, t0);
    const payout = await createPayout(store, { ...orderInput(70_000n), destination: { type: "card", number: "2200000000000004" } }, merchant, t0);
    expect([payin.status, payout.status]).toEqual(["created", "created"]);

    expect(await retryMatch(payin.id, after(t0, 4.999))).toBeNull();
    expect(await retryDueMatches({ now: after(t0, 5) })).toEqual({ matched: 0, offered: 0, rescheduled: 2, failed: 0 });
    expect(await order(payin.id)).toMatchObject({ status: "created", retryCount: 2, lastAttemptAt: after(t0, 5), nextMatchAt: after(t0, 15) });

    // Switched on and online (payouts are offered to online traders only).
    await prisma.trader.update({ where: { id: trader.id }, data: { isTrafficEnabledByTeamlead: true, lastSeenAt: t0 } });
    expect(await retryMatch(payin.id, after(t0, 15))).toEqual({ outcome: "matched", nextMatchAt: null });
    const matched = await order(payin.id);
    expect(matched).toMatchObject({ status: "awaiting_payment", requisiteId: requisite.id, retryCount: 2, lastAttemptAt: after(t0, 15), nextMatchAt: null, failureReason: null });
    const balance = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
    expect(balance.held).toBe(matched.cryptoAmount);

    expect(await retryDueMatches({ now: after(t0, 15) })).toEqual({ matched: 0, offered: 1, rescheduled: 0, failed: 0 });
    expect(await order(payout.id)).toMatchObject({ status: "created", offeredTraderId: trader.id, offeredRequisiteId: requisite.id, offerExpiresAt: after(t0, 75) });
    await acceptPayout(payout.id, trader.id, trader_, after(t0, 16));
    expect(await order(payout.id)).toMatchObject({ status: "assigned", requisiteId: requisite.id, traderId: trader.id, offeredTraderId: null });
    const callbacks = await prisma.callbackDelivery.findMany({ where: { orderId: { in: [payin.id, payout.id] } } });
    expect(callbacks.map((c) => c.eventType).sort()).toEqual(["payin.awaiting_payment", "payout.assigned"]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("fails the order when its attempts are used up", async () => {
    await withSettings({ "order.match_attempts": 3 }, async () => {
      const store = await createStore(prisma);
      const t0 = new Date();
      const payin = await createPayin(store, orderInput(100_000n), merchant, t0);
      expect(await retryMatch(payin.id, after(t0, 5))).toEqual({ outcome: "rescheduled", nextMatchAt: after(t0, 15) });
      expect(await retryMatch(payin.id, after(t0, 15))).toEqual({ outcome: "failed", nextMatchAt: null });

      const failed = await order(payin.id);
      expect(failed).toMatchObject({ status: "failed", failureReason: NO_REQUISITE_AVAILABLE, retryCount: 3, lastAttemptAt: after(t0, 15), nextMatchAt: null });
      const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: payin.id } });
      expect(history.map((h) => [h.fromStatus, h.status, h.actorType])).toEqual([["created", "failed", "system"]]);
      expect((await prisma.callbackDelivery.findMany({ where: { orderId: payin.id } })).map((c) => c.eventType)).toEqual(["payin.failed"]);
      expect(await retryMatch(payin.id, after(t0, 3600))).toBeNull();
    });
  });

  it("fails the order when its window runs out, without another attempt", async () => {
    await withSettings({ "order.match_window_seconds": 12 }, async () => {
      const store = await createStore(prisma);
      const t0 = new Date();
      const payin = await createPayin(store, orderInput(100_000n), merchant, t0);
      // The next attempt would be due at +15 s; the window's end comes first.
      expect(await retryMatch(payin.id, after(t0, 5))).toEqual({ outcome: "rescheduled", nextMatchAt: after(t0, 12) });
      expect(await retryMatch(payin.id, after(t0, 12))).toEqual({ outcome: "failed", nextMatchAt: null });
      expect(await order(payin.id)).toMatchObject({ status: "failed", failureReason: NO_REQUISITE_AVAILABLE, retryCount: 2, lastAttemptAt: after(t0, 5) });
    });
  });

  it("releases a failed payout's store hold", async () => {
    await withSettings({ "order.match_attempts": 2 }, async () => {
      const store = await storeWithBalance(currencies, 50_000_000n);
      const t0 = new Date();
      const payout = await createPayout(store, { ...orderInput(80_000n), destination: { type: "card", number: "2200000000000004" } }, merchant, t0);
      const held = await prisma.balanceStore.findFirstOrThrow({ where: { storeId: store.id } });
      expect(held.held).toBeGreaterThan(0n);

      expect(await retryMatch(payout.id, after(t0, 5))).toEqual({ outcome: "failed", nextMatchAt: null });
      expect(await prisma.balanceStore.findFirstOrThrow({ where: { storeId: store.id } })).toMatchObject({ amount: 50_000_000n, held: 0n });
      const release = await prisma.balanceStoreHistory.findFirstOrThrow({ where: { orderId: payout.id }, orderBy: { id: "desc" } });
      expect(release).toMatchObject({ reason: "payout_fail_release", delta: held.held, heldDelta: -held.held });
      expect(await checkLedger(prisma)).toEqual([]);
    });
  });

  it("with a single attempt allowed, the order is due at once and failed by the next sweep", async () => {
    await withSettings({ "order.match_attempts": 1 }, async () => {
      const store = await createStore(prisma);
      const t0 = new Date();
      const payin = await createPayin(store, orderInput(100_000n), merchant, t0);
      expect(payin.nextMatchAt).toEqual(t0);
      expect(await retryDueMatches({ now: t0 })).toEqual({ matched: 0, offered: 0, rescheduled: 0, failed: 1 });
      expect(await order(payin.id)).toMatchObject({ status: "failed", retryCount: 1, failureReason: NO_REQUISITE_AVAILABLE });
    });
  });
});

describe("retryDueMatches", () => {
  it("handles each due order exactly once when sweeps run in parallel", async () => {
    const store = await createStore(prisma);
    const t0 = new Date();
    const payins = [];
    for (let i = 0; i < 10; i++) payins.push(await createPayin(store, orderInput(100_000n + BigInt(i)), merchant, t0));

    const rescheduling = await Promise.all([0, 1, 2].map(() => retryDueMatches({ now: after(t0, 5) })));
    expect(rescheduling.reduce((n, r) => n + r.rescheduled, 0)).toBe(10);
    expect(rescheduling.every((r) => r.matched === 0 && r.failed === 0)).toBe(true);
    const rows = await prisma.incomingOrder.findMany({ where: { id: { in: payins.map((p) => p.id) } } });
    expect(rows.every((row) => row.retryCount === 2 && row.nextMatchAt?.getTime() === after(t0, 15).getTime())).toBe(true);
    expect(await retryDueMatches({ now: after(t0, 5) })).toEqual({ matched: 0, offered: 0, rescheduled: 0, failed: 0 });

    const { trader } = await traderWithTraffic(true);
    const matching = await Promise.all([0, 1].map(() => retryDueMatches({ now: after(t0, 15) })));
    expect(matching.reduce((n, r) => n + r.matched, 0)).toBe(10);
    expect(await prisma.orderHistory.count({ where: { incomingOrderId: { in: payins.map((p) => p.id) }, status: "awaiting_payment" } })).toBe(10);
    const balance = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
    expect(balance.amount + balance.held).toBe(900_000_000n);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("handles at most `limit` orders per call, oldest due first", async () => {
    const store = await createStore(prisma);
    const t0 = new Date();
    const first = await createPayin(store, orderInput(100_000n), merchant, t0);
    const second = await createPayin(store, orderInput(100_001n), merchant, after(t0, 1));
    expect(await retryDueMatches({ now: after(t0, 6), limit: 1 })).toEqual({ matched: 0, offered: 0, rescheduled: 1, failed: 0 });
    expect((await order(first.id)).retryCount).toBe(2);
    expect((await order(second.id)).retryCount).toBe(1);
  });
});
