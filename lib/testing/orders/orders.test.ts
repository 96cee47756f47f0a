import { beforeAll, describe, expect, it } from "vitest";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { prisma } from "@/lib/db/client";
import {
  assignPayoutOrder,
  completePayinOrder,
  completePayoutOrder,
  createPayinOrder,
  createPayoutOrder,
  createRequisite,
  createStore,
  createTrader,
  creditTraderDeposit,
  ensureCurrencies,
  markOrderPaid,
  matchPayinOrder,
  openDispute,
  releaseOrder,
  resolveDispute,
  type CurrencyRow,
} from "@/lib/testing";

let rub: CurrencyRow;
let usdt: CurrencyRow;
beforeAll(async () => {
  ({ RUB: rub, USDT: usdt } = await ensureCurrencies(prisma));
});

async function setup(deposit = 1_000_000_000n) {
  const store = await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
  const trader = await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.015" });
  const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: rub.id });
  await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: usdt.id, amount: deposit });
  return { store, trader, requisite };
}

const balances = async (storeId: number, traderId: number) => ({
  trader: await prisma.balanceTraderCrypto.findUnique({ where: { traderId_currencyId: { traderId, currencyId: usdt.id } } }),
  fiat: await prisma.balanceTraderFiat.findUnique({ where: { traderId_currencyId: { traderId, currencyId: rub.id } } }),
  store: await prisma.balanceStore.findUnique({ where: { storeId_currencyId: { storeId, currencyId: usdt.id } } }),
});

describe("order lifecycle factories", () => {
  it("take a pay-in from creation to completion with the exact ledger of docs/design.md", async () => {
    const { store, trader, requisite } = await setup();
    const platformBefore = (await prisma.balancePlatform.findUnique({ where: { currencyId: usdt.id } }))?.amount ?? 0n;
    const order = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 1_000_000n });
    await matchPayinOrder(prisma, order, { requisite, traderReward: trader.payinReward, rate: "92.50" });
    expect(order).toMatchObject({ status: "awaiting_payment", cryptoAmount: 108_108_108n, rate: "92.50", traderId: trader.id });
    expect((await balances(store.id, trader.id)).trader).toMatchObject({ amount: 1_000_000_000n - 108_108_108n, held: 108_108_108n });

    await markOrderPaid(prisma, order);
    await completePayinOrder(prisma, order);
    const after = await balances(store.id, trader.id);
    expect(after.trader).toMatchObject({ amount: 1_000_000_000n - 108_108_108n + 2_162_162n, held: 0n });
    expect(after.store).toMatchObject({ amount: 104_864_865n, held: 0n });
    expect(after.fiat).toMatchObject({ amount: 1_000_000n });
    expect((await prisma.balancePlatform.findUniqueOrThrow({ where: { currencyId: usdt.id } })).amount - platformBefore).toBe(1_081_081n);

    const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: order.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStatus, h.status])).toEqual([
      [null, "created"],
      ["created", "awaiting_payment"],
      ["awaiting_payment", "paid"],
      ["paid", "completed"],
    ]);
    expect(history[3]).toMatchObject({ storeCommissionAmount: 3_243_243n, traderCommissionAmount: 2_162_162n, platformProfit: 1_081_081n });
    expect(history[3].storeCommission?.toFixed()).toBe("0.03");
    expect(history[3].traderCommission?.toFixed()).toBe("0.02");
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("release the hold when a pay-in expires, and refuse illegal transitions", async () => {
    const { store, trader, requisite } = await setup();
    const order = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 500_000n });
    await expect(completePayinOrder(prisma, { ...order })).rejects.toThrow(/is not matched/);
    await matchPayinOrder(prisma, order, { requisite, traderReward: trader.payinReward, rate: "92.50" });
    await releaseOrder(prisma, order, "expired");
    expect((await balances(store.id, trader.id)).trader).toMatchObject({ amount: 1_000_000_000n, held: 0n });
    await expect(markOrderPaid(prisma, order)).rejects.toThrow(/cannot go from expired/);
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("expired");
  });

  it("refuse to match a pay-in the trader's deposit cannot cover, changing nothing", async () => {
    const { store, trader, requisite } = await setup(1_000n);
    const order = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 1_000_000n });
    await expect(matchPayinOrder(prisma, order, { requisite, traderReward: trader.payinReward, rate: "92.50" })).rejects.toMatchObject({ code: "insufficient_funds" });
    expect(await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "created", requisiteId: null });
  });

  it("settle a disputed pay-in either way", async () => {
    const { store, trader, requisite } = await setup();
    const support = await createTrader(prisma); // any user id will do as the resolver
    const won = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 200_000n });
    await matchPayinOrder(prisma, won, { requisite, traderReward: trader.payinReward, rate: "90" });
    const dispute = await openDispute(prisma, won, { reason: "paid, not confirmed" });
    await resolveDispute(prisma, won, { disputeId: dispute.id, outcome: "completed", resolvedById: support.userId, resolutionNote: "ok" });
    expect(won.status).toBe("completed");

    const lost = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 300_000n });
    await matchPayinOrder(prisma, lost, { requisite, traderReward: trader.payinReward, rate: "90" });
    await markOrderPaid(prisma, lost);
    const second = await openDispute(prisma, lost, { reason: "no money" });
    await resolveDispute(prisma, lost, { disputeId: second.id, outcome: "cancelled", resolvedById: support.userId, resolutionNote: "no transfer" });
    expect(await prisma.dispute.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "resolved_cancelled" });
    expect((await balances(store.id, trader.id)).trader?.held).toBe(0n);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("take a payout from the store's hold to completion", async () => {
    const { store, trader, requisite } = await setup();
    // Fund the store through a completed pay-in first.
    const payin = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 10_000_000n });
    await matchPayinOrder(prisma, payin, { requisite, traderReward: trader.payinReward, rate: "100" });
    await completePayinOrder(prisma, payin);
    const funded = (await balances(store.id, trader.id)).store!.amount; // 97 USDT

    const payout = await createPayoutOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 500_000n, rate: "100" });
    expect(payout).toMatchObject({ cryptoAmount: 50_000_000n, storeHold: 51_000_000n });
    expect((await balances(store.id, trader.id)).store).toMatchObject({ amount: funded - 51_000_000n, held: 51_000_000n });
    const traderBefore = (await balances(store.id, trader.id)).trader!.amount;
    await assignPayoutOrder(prisma, payout, { requisite, traderReward: trader.payoutReward });
    await markOrderPaid(prisma, payout);
    await completePayoutOrder(prisma, payout);
    const after = await balances(store.id, trader.id);
    expect(after.store).toMatchObject({ amount: funded - 51_000_000n, held: 0n });
    expect(after.trader!.amount - traderBefore).toBe(50_750_000n);

    const cancelled = await createPayoutOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 100_000n, rate: "100" });
    await releaseOrder(prisma, cancelled, "cancelled");
    expect((await balances(store.id, trader.id)).store).toMatchObject({ amount: funded - 51_000_000n, held: 0n });
    expect(await checkLedger(prisma)).toEqual([]);
  });
});
