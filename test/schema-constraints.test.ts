import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayinOrder, createRequisite, createStore, createTrader, createUser, ensureCurrencies, newOrderId, type CurrencyRow } from "@/lib/testing";

let currencies: { RUB: CurrencyRow; USDT: CurrencyRow };
beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
});

/** Runs raw SQL and returns the PostgreSQL error message it fails with (or "ok"). */
async function failure(sql: string, ...params: unknown[]): Promise<string> {
  try {
    await prisma.$executeRawUnsafe(sql, ...params);
    return "ok";
  } catch (error) {
    return String(error);
  }
}

describe("database constraints from the migrations", () => {
  it("reject negative available or held balances, and negative values in history", async () => {
    const store = await createStore(prisma);
    const trader = await createTrader(prisma);
    const usdt = currencies.USDT.id;
    expect(await failure(`INSERT INTO balance_store (store_id, currency_id, amount, held, updated_at) VALUES ($1, $2, -1, 0, now())`, store.id, usdt)).toContain("balance_store_non_negative");
    expect(await failure(`INSERT INTO balance_trader_crypto (trader_id, currency_id, amount, held, updated_at) VALUES ($1, $2, 0, -1, now())`, trader.id, usdt)).toContain("balance_trader_crypto_non_negative");
    expect(await failure(`INSERT INTO balance_trader_fiat (trader_id, currency_id, amount, held, updated_at) VALUES ($1, $2, -5, 0, now())`, trader.id, currencies.RUB.id)).toContain("balance_trader_fiat_non_negative");
    expect(await failure(`INSERT INTO balance_platform (currency_id, amount, held, updated_at) VALUES ($1, -1, 0, now())`, usdt)).toContain("balance_platform_non_negative");

    await prisma.$executeRawUnsafe(`INSERT INTO balance_store (store_id, currency_id, amount, held, updated_at) VALUES ($1, $2, 10, 0, now())`, store.id, usdt);
    expect(await failure(`UPDATE balance_store SET amount = amount - 11 WHERE store_id = $1`, store.id)).toContain("balance_store_non_negative");
    const [{ id }] = await prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM balance_store WHERE store_id = $1`, store.id);
    expect(
      await failure(
        `INSERT INTO balance_store_history (balance_store_id, store_id, currency_id, delta, held_delta, balance_after, held_after, reason) VALUES ($1, $2, $3, -20, 0, -10, 0, 'test')`,
        id,
        store.id,
        usdt,
      ),
    ).toContain("balance_store_history_non_negative");
  });

  it("reject a second order with the same merchant order id in one store, not across stores", async () => {
    const [storeA, storeB] = [await createStore(prisma), await createStore(prisma)];
    const order = { fiat: currencies.RUB, crypto: currencies.USDT, amount: 100_000n, merchantOrderId: "order-42" };
    await createPayinOrder(prisma, { ...order, store: storeA });
    await expect(createPayinOrder(prisma, { ...order, store: storeA })).rejects.toMatchObject({ code: "P2002" });
    await expect(createPayinOrder(prisma, { ...order, store: storeB })).resolves.toMatchObject({ status: "created" });
    expect(await prisma.incomingOrder.count({ where: { merchantOrderId: "order-42" } })).toBe(2);
  });

  it("reject a matched order without its requisite, trader, rate and USDT value", async () => {
    const store = await createStore(prisma);
    const trader = await createTrader(prisma);
    const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
    const base = { type: "payin" as const, storeId: store.id, amount: 100_000n, originalAmount: 100_000n, currencyId: currencies.RUB.id, customerId: "c1", storeCommission: "0.03" };
    await expect(
      prisma.incomingOrder.create({ data: { ...base, id: newOrderId("payin"), merchantOrderId: "m1", status: "awaiting_payment", requisiteId: requisite.id, traderId: trader.id } }),
    ).rejects.toThrow(/incoming_orders_matched_fields/);
    await expect(
      prisma.incomingOrder.create({
        data: { ...base, id: newOrderId("payin"), merchantOrderId: "m2", status: "awaiting_payment", requisiteId: requisite.id, traderId: trader.id, rate: "92.5", cryptoAmount: 1_081_081n },
      }),
    ).resolves.toMatchObject({ status: "awaiting_payment" });
    // The trader's reward fixed on an order is never above the store's commission (the platform's share is never negative).
    await expect(
      prisma.incomingOrder.create({
        data: { ...base, id: newOrderId("payin"), merchantOrderId: "m5", status: "awaiting_payment", requisiteId: requisite.id, traderId: trader.id, rate: "92.5", cryptoAmount: 1_081_081n, traderReward: "0.031" },
      }),
    ).rejects.toThrow(/incoming_orders_platform_share_check/);
    // A pay-in id must start with pi_, a payout needs a destination.
    await expect(prisma.incomingOrder.create({ data: { ...base, id: newOrderId("payout"), merchantOrderId: "m3" } })).rejects.toThrow(/incoming_orders_id_prefix/);
    await expect(prisma.incomingOrder.create({ data: { ...base, type: "payout", id: newOrderId("payout"), merchantOrderId: "m4" } })).rejects.toThrow(
      /incoming_orders_payout_destination/,
    );
  });

  it("reject upper-case emails, malformed setting keys and incoherent requisite limits", async () => {
    await expect(createUser(prisma, { email: "lower@test.dev" })).resolves.toBeTruthy();
    expect(await failure(`UPDATE users SET email = 'Upper@test.dev' WHERE email = 'lower@test.dev'`)).toContain("users_email_lowercase");
    await expect(prisma.configurationSetting.create({ data: { key: "NoDots", value: 1 } })).rejects.toThrow(/configuration_settings_key_format/);
    const trader = await createTrader(prisma);
    await expect(createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, minAmount: 500n, maxAmount: 100n })).rejects.toThrow(
      /full_requisites_settings_bounds/,
    );
  });
});
