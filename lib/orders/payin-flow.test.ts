import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayin } from "./create-payin";
import { completePayin } from "./complete-payin";
import { endOrder } from "./end-order";
import { markPayinPaid } from "./mark-payin-paid";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { DomainError } from "@/lib/errors/domain-error";
import { expectDomainError } from "@/lib/testing/assertions";
import { createRequisite, createStore, createTrader, type CreateRequisiteInput, type CreateTraderInput } from "@/lib/testing";
import { setupReference, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

import { merchantActor as merchant, systemActor as system, traderActor as trader_ } from "@/lib/testing/actors";
let currencies: Currencies;

const traderWithDeposit = (deposit: bigint, requisite: Partial<CreateRequisiteInput> = {}, trader: CreateTraderInput = {}) =>
  traderWithRequisite(currencies, { deposit, requisite, trader });

function payin(storeId: number, amount: bigint, n: number | string) {
  return { amount, currency: "RUB", customerId: `cust-${n}`, merchantOrderId: `order-${n}-${Math.random()}` };
}

beforeAll(async () => {
  // These tests create many orders per customer; fraud caps have their own tests.
  ({ currencies } = await setupReference({ relaxFraudCaps: true }));
});

describe("pay-in lifecycle", () => {
  it("matches on create, holds the deposit, completes with exact commissions", async () => {
    const store = await createStore(prisma, { payinCommission: "0.03" });
    const { trader, requisite } = await traderWithDeposit(1_000_000_000n, {}, { payinReward: "0.02" });

    const order = await createPayin(store, payin(store.id, 100_000n, "a"), merchant);
    expect(order.status).toBe("awaiting_payment");
    expect(order.requisiteId).toBe(requisite.id);
    expect(order.rate?.toString()).toBe("92.5");
    expect(order.cryptoAmount).toBe(10_810_811n); // 1000.00 RUB / 92.5, half-up, micro-USDT
    expect(order.expiresAt!.getTime()).toBeGreaterThan(Date.now());

    const held = await prisma.balanceTraderCrypto.findUniqueOrThrow({ where: { traderId_currencyId: { traderId: trader.id, currencyId: currencies.USDT.id } } });
    expect(held.amount).toBe(1_000_000_000n - 10_810_811n);
    expect(held.held).toBe(10_810_811n);

    await markPayinPaid(order.id, store.id, merchant);
    const done = await completePayin(order.id, { traderId: trader.id }, trader_);
    expect(done.status).toBe("completed");

    const storeBalance = await prisma.balanceStore.findUniqueOrThrow({ where: { storeId_currencyId: { storeId: store.id, currencyId: currencies.USDT.id } } });
    // u = 10 810 811; fee 3 % half-up = 324 324; store gets 10 486 487
    expect(storeBalance.amount).toBe(10_486_487n);
    const after = await prisma.balanceTraderCrypto.findUniqueOrThrow({ where: { id: held.id } });
    expect(after.held).toBe(0n);
    expect(after.amount).toBe(1_000_000_000n - 10_810_811n + 216_216n); // reward 2 % floor
    const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: order.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.status)).toEqual(["awaiting_payment", "paid", "completed"]);
    expect(history[2].platformProfit).toBe(108_108n);
    const callbacks = await prisma.callbackDelivery.findMany({ where: { orderId: order.id }, orderBy: { sequence: "asc" } });
    expect(callbacks.map((c) => c.eventType)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.completed"]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("stays created when nothing fits and refuses illegal transitions without changing anything", async () => {
    const store = await createStore(prisma);
    const order = await createPayin(store, payin(store.id, 987_654_321n, "b"), merchant); // above every max
    expect(order.status).toBe("created");
    expect(order.requisiteId).toBeNull();
    await expectDomainError(completePayin(order.id, {}, trader_), "invalid_state");
    await expectDomainError(markPayinPaid(order.id, store.id, merchant), "invalid_state");
    const unchanged = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(unchanged.status).toBe("created");
  });

  it("cancel and expiry release the hold", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithDeposit(500_000_000n);
    const first = await createPayin(store, payin(store.id, 50_000n, "c1"), merchant);
    const second = await createPayin(store, payin(store.id, 60_000n, "c2"), merchant);
    expect(first.traderId).toBe(trader.id);
    await endOrder(first.id, "cancelled", { storeId: store.id }, merchant);
    await expectDomainError(endOrder(second.id, "expired", {}, system), "not_yet_expired");
    await endOrder(second.id, "expired", {}, system, { now: new Date(Date.now() + 3600_000) });
    const balance = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
    expect(balance.held).toBe(0n);
    expect(balance.amount).toBe(500_000_000n);
    await expectDomainError(completePayin(first.id, {}, trader_), "invalid_state");
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("hides other stores' and other traders' orders", async () => {
    const store = await createStore(prisma);
    const other = await createStore(prisma);
    const { trader } = await traderWithDeposit(500_000_000n);
    const stranger = await createTrader(prisma);
    const order = await createPayin(store, payin(store.id, 70_000n, "d"), merchant);
    expect(order.traderId).toBe(trader.id);
    await expectDomainError(endOrder(order.id, "cancelled", { storeId: other.id }, merchant), "order_not_found");
    await expectDomainError(completePayin(order.id, { traderId: stranger.id }, trader_), "order_not_found");
  });
});

describe("matching rules", () => {
  it("never gives one requisite two open orders with the same amount", async () => {
    const store = await createStore(prisma);
    await traderWithDeposit(900_000_000n);
    const a = await createPayin(store, payin(store.id, 123_400n, "e1"), merchant);
    const b = await createPayin(store, payin(store.id, 123_400n, "e2"), merchant);
    expect(a.requisiteId).not.toBeNull();
    expect(b.requisiteId === null || b.requisiteId !== a.requisiteId).toBe(true);
  });

  it("skips traders switched off by their teamlead, inactive requisites and thin deposits", async () => {
    const store = await createStore(prisma);
    await traderWithDeposit(900_000_000n, {}, { isTrafficEnabledByTeamlead: false });
    await traderWithDeposit(900_000_000n, { status: "inactive" });
    await traderWithDeposit(1_000n); // 0.001 USDT cannot cover 1000 RUB
    const { requisite } = await traderWithDeposit(900_000_000n, {}, { trafficPriority: -1 });
    // Only the last one is eligible (the earlier tests' traders have other limits left, so use an odd amount).
    const order = await createPayin(store, payin(store.id, 100_001n, "f"), merchant);
    const eligible = await prisma.reqTrader.findMany({ where: { status: "active", trader: { isTrafficEnabledByTeamlead: true } } });
    expect(eligible.map((r) => r.id)).toContain(order.requisiteId);
    expect(order.requisiteId).not.toBeNull();
    void requisite;
  });

  it("respects the daily limit including held orders under 50 concurrent pay-ins", async () => {
    await prisma.reqTrader.updateMany({ data: { status: "blocked" } }); // isolate from earlier tests
    const store = await createStore(prisma);
    const limit = 1_000_000n; // 10 000 RUB per requisite per day
    const requisites = await Promise.all(
      [0, 1, 2].map(() => traderWithDeposit(500_000_000n, { dailyLimit: limit, minAmount: 10_000n, maxAmount: 1_000_000n })),
    );
    await prisma.configurationSetting.update({ where: { key: "matching.max_open_orders_per_requisite" }, data: { value: 100 } });
    invalidateSettings();

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createPayin(store, payin(store.id, 100_000n + BigInt(i), `g${i}`), merchant)),
    );
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const usage = await prisma.incomingOrder.groupBy({
      by: ["requisiteId"],
      where: { storeId: store.id, requisiteId: { not: null } },
      _sum: { amount: true },
      _count: true,
    });
    for (const row of usage) expect(row._sum.amount!).toBeLessThanOrEqual(limit);
    // 3 requisites × 9 orders of ~1000 RUB fit under 10 000 RUB each.
    expect(usage.reduce((n, row) => n + row._count, 0)).toBe(27);
    for (const { trader } of requisites) {
      const balance = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
      expect(balance.amount).toBeGreaterThanOrEqual(0n);
    }
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("lets exactly one of a parallel confirm and cancel win", async () => {
    await prisma.reqTrader.updateMany({ data: { status: "blocked" } });
    const store = await createStore(prisma);
    const { trader } = await traderWithDeposit(900_000_000n);
    for (let i = 0; i < 10; i++) {
      const order = await createPayin(store, payin(store.id, 20_000n + BigInt(i), `h${i}`), merchant);
      const [confirm, cancel] = await Promise.allSettled([
        completePayin(order.id, { traderId: trader.id }, trader_),
        endOrder(order.id, "cancelled", { storeId: store.id }, merchant),
      ]);
      expect([confirm.status, cancel.status].filter((s) => s === "fulfilled")).toHaveLength(1);
      const loser = confirm.status === "rejected" ? confirm : cancel;
      expect(((loser as PromiseRejectedResult).reason as DomainError).code).toBe("invalid_state");
    }
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("never spends a deposit twice under 50 concurrent pay-ins", async () => {
    await prisma.reqTrader.updateMany({ data: { status: "blocked" } });
    const store = await createStore(prisma);
    // 55 USDT covers five pay-ins of ~1000 RUB (10.81 USDT each), spread over two requisites.
    const { trader } = await traderWithDeposit(55_000_000n);
    await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createPayin(store, payin(store.id, 100_000n + BigInt(i), `k${i}`), merchant)),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const matched = await prisma.incomingOrder.count({ where: { storeId: store.id, traderId: trader.id } });
    expect(matched).toBe(5);
    const balance = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
    expect(balance.amount).toBeGreaterThanOrEqual(0n);
    expect(balance.amount + balance.held).toBe(55_000_000n);
    expect(await checkLedger(prisma)).toEqual([]);
  });
});

describe("fraud checks", () => {
  it("refuses blacklisted customers, open-order caps and velocity, recording each refusal", async () => {
    const store = await createStore(prisma, { limits: { payin: { min: 10_000, max: 5_000_000 } } });
    await prisma.configurationSetting.updateMany({ where: { key: "fraud.blacklisted_customer_ids" }, data: { value: ["bad-guy"] } });
    await prisma.configurationSetting.updateMany({ where: { key: "fraud.max_open_orders_per_customer" }, data: { value: 2 } });
    await prisma.configurationSetting.updateMany({ where: { key: "fraud.max_orders_per_customer_per_hour" }, data: { value: 3 } });
    invalidateSettings();
    try {
      await expectDomainError(createPayin(store, { ...payin(store.id, 50_000n, "x"), customerId: "bad-guy" }, merchant), "customer_blocked");
      await expectDomainError(createPayin(store, payin(store.id, 5_000n, "small"), merchant), "amount_too_small");
      await expectDomainError(createPayin(store, payin(store.id, 6_000_000n, "big"), merchant), "amount_too_large");
      // Nothing can be matched here (every requisite is blocked), so orders stay open.
      await createPayin(store, { ...payin(store.id, 50_000n, "v1"), customerId: "busy" }, merchant);
      await createPayin(store, { ...payin(store.id, 50_001n, "v2"), customerId: "busy" }, merchant);
      await expectDomainError(createPayin(store, { ...payin(store.id, 50_002n, "v3"), customerId: "busy" }, merchant), "customer_open_orders_limit");
      const events = await prisma.riskEvent.findMany({ where: { storeId: store.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.code)).toEqual(["customer_blocked", "amount_too_small", "amount_too_large", "customer_open_orders_limit"]);
      expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(2);
    } finally {
      await prisma.configurationSetting.updateMany({ where: { key: { in: ["fraud.max_open_orders_per_customer", "fraud.max_orders_per_customer_per_hour"] } }, data: { value: 0 } });
      invalidateSettings();
    }
  });
});

