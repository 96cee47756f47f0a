// The per-customer fraud caps hold under concurrency: 50 parallel creates for one customer pass
// exactly `cap` of them, each refusal is recorded in risk_events although its transaction rolled
// back, and another customer creating at the same time is not affected.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayin } from "@/lib/orders/create-payin";
import { createPayout } from "@/lib/orders/create-payout";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { postMovements } from "@/lib/ledger/post-movements";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { createExchangeRate, createRequisite, createStore, createTrader, ensureCurrencies, ensureDefaultSettings } from "@/lib/testing";
import { CustomerCapExceeded } from "./check-customer-caps";

const actor: Actor = { type: "system" };
let currencies: Awaited<ReturnType<typeof ensureCurrencies>>;

async function setCaps(open: number, hourly: number) {
  await prisma.configurationSetting.update({ where: { key: "fraud.max_open_orders_per_customer" }, data: { value: open } });
  await prisma.configurationSetting.update({ where: { key: "fraud.max_orders_per_customer_per_hour" }, data: { value: hourly } });
  invalidateSettings();
}

let amountSeq = 0;
/** One pay-in for `customerId`, settled to the order or the error, with a fresh amount so matching never collides. */
function payin(store: { id: number; limits: unknown; allowAmountAdjustment: boolean }, customerId: string) {
  const amount = 100_000n + BigInt(++amountSeq) * 100n;
  return createPayin(store, { amount, currency: "RUB", customerId, merchantOrderId: `mo-${customerId}-${amountSeq}` }, actor).then(
    (order) => ({ order, error: null }),
    (error: unknown) => ({ order: null, error }),
  );
}

type Outcome = Awaited<ReturnType<typeof payin>>;

/** The refusals among `outcomes`, each checked to be the cap's 422; their risk events are written before they are thrown. */
function refusals(outcomes: Outcome[], code: string) {
  const errors = outcomes.filter((o) => o.error).map((o) => o.error);
  for (const error of errors) {
    expect(error).toBeInstanceOf(CustomerCapExceeded);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: "invalid_request", code, param: "customer_id" });
  }
  return errors.length;
}

beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
  await ensureDefaultSettings(prisma);
  await createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  // A trader with room for every order, so the passing ones are matched and hold a deposit.
  const trader = await createTrader(prisma);
  await prisma.$transaction((tx) =>
    postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 100_000_000_000n, reason: "deposit_credit" }]),
  );
  await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, minAmount: 1_000n, maxAmount: 10_000_000n, dailyLimit: 10_000_000_000n });
  await prisma.configurationSetting.update({ where: { key: "matching.max_open_orders_per_requisite" }, data: { value: 1000 } });
});

beforeEach(() => setCaps(0, 0));

describe("fraud caps under concurrency", () => {
  it("open orders: 50 parallel creates for one customer with a cap of 3 pass exactly 3; another customer in parallel is unaffected", async () => {
    await setCaps(3, 0);
    const store = await createStore(prisma);
    const outcomes = await Promise.all([
      ...Array.from({ length: 50 }, () => payin(store, "race-open")),
      ...Array.from({ length: 3 }, () => payin(store, "race-open-other")),
    ]);
    const mine = outcomes.slice(0, 50);
    const other = outcomes.slice(50);

    expect(mine.filter((o) => o.order).length).toBe(3);
    expect(refusals(mine, "customer_open_orders_limit")).toBe(47);
    expect(other.map((o) => o.error)).toEqual([null, null, null]);

    expect(await prisma.incomingOrder.count({ where: { storeId: store.id, customerId: "race-open" } })).toBe(3);
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id, customerId: "race-open-other" } })).toBe(3);
    expect(await prisma.riskEvent.count({ where: { storeId: store.id, customerId: "race-open", code: "customer_open_orders_limit" } })).toBe(47);
    expect(await prisma.riskEvent.count({ where: { storeId: store.id, customerId: "race-open-other" } })).toBe(0);
    const [event] = await prisma.riskEvent.findMany({ where: { storeId: store.id, customerId: "race-open" }, take: 1 });
    expect(event.details).toMatchObject({ open: 3, cap: 3, type: "payin" });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("hourly velocity: 50 parallel creates for one customer with a cap of 5 pass exactly 5; another customer in parallel is unaffected", async () => {
    await setCaps(0, 5);
    const store = await createStore(prisma);
    const outcomes = await Promise.all([
      ...Array.from({ length: 50 }, () => payin(store, "race-hourly")),
      ...Array.from({ length: 5 }, () => payin(store, "race-hourly-other")),
    ]);
    const mine = outcomes.slice(0, 50);
    const other = outcomes.slice(50);

    expect(mine.filter((o) => o.order).length).toBe(5);
    expect(refusals(mine, "customer_velocity_limit")).toBe(45);
    expect(other.every((o) => o.order)).toBe(true);
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id, customerId: "race-hourly" } })).toBe(5);
    expect(await prisma.riskEvent.count({ where: { storeId: store.id, customerId: "race-hourly", code: "customer_velocity_limit" } })).toBe(45);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("counts per store: the same customer id at another store has its own cap", async () => {
    await setCaps(2, 0);
    const [first, second] = [await createStore(prisma), await createStore(prisma)];
    const outcomes = await Promise.all([
      ...Array.from({ length: 10 }, () => payin(first, "race-shared-id")),
      ...Array.from({ length: 10 }, () => payin(second, "race-shared-id")),
    ]);
    expect(outcomes.slice(0, 10).filter((o) => o.order).length).toBe(2);
    expect(outcomes.slice(10).filter((o) => o.order).length).toBe(2);
    refusals(outcomes, "customer_open_orders_limit");
  });

  it("payouts share the lock and the count: 10 parallel payouts for a customer with a cap of 2 pass exactly 2", async () => {
    await setCaps(2, 0);
    const store = await createStore(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "store", storeId: store.id, currencyId: currencies.USDT.id }, delta: 100_000_000_000n, reason: "deposit_credit" }]),
    );
    const destination = { type: "card", number: "2200 1234 5678 9010", holder: "IVAN PETROV" };
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createPayout(store, { amount: 100_000n + BigInt(i) * 100n, currency: "RUB", customerId: "race-payout", merchantOrderId: `po-race-${i}`, destination }, actor).then(
          (order) => ({ order, error: null }),
          (error: unknown) => ({ order: null, error }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.order).length).toBe(2);
    expect(refusals(outcomes, "customer_open_orders_limit")).toBe(8);
    expect(await prisma.riskEvent.count({ where: { storeId: store.id, customerId: "race-payout" } })).toBe(8);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("cheap checks still refuse before any transaction, recorded in risk_events", async () => {
    const store = await createStore(prisma, { limits: { payin: { min: 500_000 } } });
    const { error } = await payin(store, "race-small");
    expect(error).toMatchObject({ code: "amount_too_small" });
    expect(await prisma.riskEvent.count({ where: { storeId: store.id, code: "amount_too_small" } })).toBe(1);
  });
});
