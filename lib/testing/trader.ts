// Test-only helpers for the trader cabinet's Vitest files: a trader with a deposit and one
// requisite, a store with USDT to pay payouts from, and orders on that requisite built with
// the shared factories (never imported by the app).
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { postMovements } from "@/lib/ledger/post-movements";
import {
  assignPayoutOrder,
  createPayinOrder,
  createPayoutOrder,
  createRequisite,
  createStore,
  createTrader,
  creditTraderDeposit,
  ensureBanks,
  ensureCurrencies,
  ensureDefaultSettings,
  ensurePaymentMethods,
  matchPayinOrder,
} from "@/lib/testing";

export type Currencies = Awaited<ReturnType<typeof ensureCurrencies>>;

export async function setupReferenceData() {
  const currencies = await ensureCurrencies(prisma);
  const banks = await ensureBanks(prisma);
  await ensurePaymentMethods(prisma);
  await ensureDefaultSettings(prisma);
  return { currencies, banks };
}

/** A trader (with their user) holding 10 000 USDT, and one active RUB requisite. */
export async function traderWithRequisite(currencies: Currencies, requisite: Partial<Parameters<typeof createRequisite>[1]> = {}) {
  const trader = await createTrader(prisma);
  await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: currencies.USDT.id, amount: 10_000_000_000n });
  const req = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, ...requisite });
  const actor: Actor = { type: "user", role: "trader", userId: trader.userId };
  return { trader, requisite: req, actor };
}

/** A store with 1 000 USDT available, enough to hold a few payouts. */
export async function storeWithBalance(currencies: Currencies) {
  const store = await createStore(prisma);
  await prisma.$transaction((tx) =>
    postMovements(tx, [{ account: { kind: "store", storeId: store.id, currencyId: currencies.USDT.id }, delta: 1_000_000_000n, reason: "deposit_credit" }]),
  );
  return store;
}

/** A pay-in matched to `requisite` at `at` (awaiting_payment), through the factories. */
export async function matchedPayin(
  currencies: Currencies,
  store: { id: number; payinCommission: { toFixed(): string } },
  requisite: { id: number; traderId: number },
  amount: bigint,
  at = new Date(),
) {
  const order = await createPayinOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount, createdAt: at });
  return matchPayinOrder(prisma, order, { requisite, traderReward: "0.02", rate: "92.5", at });
}

/** A payout assigned to `requisite`'s trader, with a destination card. */
export async function assignedPayout(currencies: Currencies, store: { id: number; payoutCommission: { toFixed(): string } }, requisite: { id: number; traderId: number }, amount: bigint) {
  const order = await createPayoutOrder(prisma, {
    store,
    fiat: currencies.RUB,
    crypto: currencies.USDT,
    amount,
    rate: "92.5",
    destination: { type: "card", number: "2200000000000004", holder: "IVAN PETROV", bank: "Sberbank" },
  });
  return assignPayoutOrder(prisma, order, { requisite, traderReward: "0.015" });
}
