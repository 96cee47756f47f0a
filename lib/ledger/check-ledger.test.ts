import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "./check-ledger";
import { postMovements } from "./post-movements";
import { createStore, createTrader, ensureCurrencies } from "@/lib/testing";

let usdt: number;
beforeAll(async () => {
  usdt = (await ensureCurrencies(prisma)).USDT.id;
});

const invariants = async () => (await checkLedger(prisma)).map((v) => v.invariant);

describe("checkLedger", () => {
  it("is clean for movements posted through postMovements", async () => {
    const trader = await createTrader(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: usdt }, delta: 5_000_000n, reason: "deposit_credit" }]),
    );
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("names a balance edited without its history", async () => {
    const store = await createStore(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "store", storeId: store.id, currencyId: usdt }, delta: 100n, reason: "adjustment" }]),
    );
    await prisma.balanceStore.updateMany({ where: { storeId: store.id }, data: { amount: 150n } });
    expect(await invariants()).toContain("store: balance equals the sum of its history");
    await prisma.balanceStore.updateMany({ where: { storeId: store.id }, data: { amount: 100n } });
  });

  it("names a broken balance_after chain and an order whose movements do not sum to zero", async () => {
    const trader = await createTrader(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: usdt }, delta: 10n, reason: "deposit_credit" }]),
    );
    await prisma.balanceTraderCryptoHistory.updateMany({ where: { traderId: trader.id }, data: { balanceAfter: 11n } });
    const found = await invariants();
    expect(found).toContain("trader_crypto: balance_after chain is consistent");
    await prisma.balanceTraderCryptoHistory.updateMany({ where: { traderId: trader.id }, data: { balanceAfter: 10n } });

    // A platform credit tied to an order with no matching debit anywhere.
    const store = await createStore(prisma);
    const order = await prisma.incomingOrder.create({
      data: { id: "pi_01JZZZZZZZZZZZZZZZZZZZZZZZ", type: "payin", storeId: store.id, amount: 100n, originalAmount: 100n, currencyId: usdt, customerId: "c", merchantOrderId: "m", storeCommission: "0.03" },
    });
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "platform", currencyId: usdt }, delta: 7n, reason: "payin_profit", orderId: order.id }]),
    );
    expect(await invariants()).toContain("per order and currency, movements sum to zero");
  });
});
