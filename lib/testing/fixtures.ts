// Test fixtures on the shared client (lib/db/client: the test file's own database), built from
// the factories: reference data as a fresh install has it, traders with a deposit and a
// requisite, stores with funds or an API key, and orders on them. Test-only, like assertions.ts
// and api.ts: index.ts, which the seed, the simulator and the benchmarks load, does not
// re-export it.
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { postMovements } from "@/lib/ledger/post-movements";
import type { SettingKey } from "@/lib/settings/definitions";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { assignPayoutOrder, createPayoutOrder } from "./orders/payout";
import { createPayinOrder, matchPayinOrder } from "./orders/payin";
import { createExchangeRate, ensureBanks, ensureCurrencies, ensurePaymentMethods } from "./reference";
import { createRequisite, type CreateRequisiteInput } from "./requisites";
import { ensureDefaultSettings } from "./settings";
import { createMerchantApiKey, createStore, type CreateStoreInput } from "./stores";
import { createTrader, createTraderApiToken, creditTraderDeposit, type CreateTraderInput } from "./traders";
import { uniqueId } from "./unique";
import { createAdmin } from "./users";

export type Currencies = Awaited<ReturnType<typeof ensureCurrencies>>;

export interface ReferenceOptions {
  /** Switches the per-customer fraud caps off, for files that make many orders per customer. */
  relaxFraudCaps?: boolean;
  /** matching.max_open_orders_per_requisite, for files that route many orders to one requisite. */
  maxOpenOrdersPerRequisite?: number;
}

/** Currencies, payment methods, banks, default settings and a 92.50 RUB/USDT rate, as a fresh install has them. */
export async function setupReference(options: ReferenceOptions = {}) {
  const currencies = await ensureCurrencies(prisma);
  const methods = await ensurePaymentMethods(prisma);
  const banks = await ensureBanks(prisma);
  await ensureDefaultSettings(prisma);
  await createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  if (options.relaxFraudCaps) {
    await setSetting("fraud.max_open_orders_per_customer", 0);
    await setSetting("fraud.max_orders_per_customer_per_hour", 0);
  }
  if (options.maxOpenOrdersPerRequisite !== undefined) await setSetting("matching.max_open_orders_per_requisite", options.maxOpenOrdersPerRequisite);
  invalidateSettings();
  return { currencies, methods, banks };
}

/** Stores a configuration setting and drops the cached settings, so the next read sees it. */
export async function setSetting(key: SettingKey, value: unknown) {
  await prisma.configurationSetting.update({ where: { key }, data: { value: value as never } });
  invalidateSettings();
}

/** A staff member as a cabinet's server action passes them. */
export type AdminActor = Actor & { userId: number };

/** A fresh active admin and the actor a server action would pass for them. */
export async function createAdminActor(): Promise<AdminActor> {
  const { user } = await createAdmin(prisma);
  return { type: "user", userId: user.id, ip: "192.0.2.10", userAgent: "vitest" };
}

/** What the admin cabinet's tests start from: currencies, default settings and a fresh admin. */
export async function setupAdminCabinet() {
  const currencies = await ensureCurrencies(prisma);
  await ensureDefaultSettings(prisma);
  const admin = await createAdminActor();
  return { currencies, admin };
}

export interface TraderFixtureOptions {
  /** Available USDT in micro-USDT, credited through the ledger: 10 000 USDT when omitted, none for 0n. */
  deposit?: bigint;
  trader?: CreateTraderInput;
  requisite?: Partial<Omit<CreateRequisiteInput, "traderId" | "currencyId">>;
}

/** A trader (with their user) holding a USDT deposit and one active RUB requisite, and the trader cabinet's actor. */
export async function traderWithRequisite(currencies: Currencies, options: TraderFixtureOptions = {}) {
  const trader = await createTrader(prisma, options.trader ?? {});
  const deposit = options.deposit ?? 10_000_000_000n;
  if (deposit > 0n) await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: currencies.USDT.id, amount: deposit });
  const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, ...options.requisite });
  const actor: Actor & { userId: number } = { type: "user", role: "trader", userId: trader.userId };
  return { trader, requisite, actor };
}

/** traderWithRequisite plus a personal API token, for calls to the trader API. */
export async function traderWithApiToken(currencies: Currencies, options: TraderFixtureOptions = {}) {
  const fixture = await traderWithRequisite(currencies, options);
  const { token } = await createTraderApiToken(prisma, { traderId: fixture.trader.id });
  return { ...fixture, token };
}

/** A store (of a new merchant unless `store.userId` is given) with `usdt` micro-USDT available: 1 000 USDT by default. */
export async function storeWithBalance(currencies: Currencies, usdt = 1_000_000_000n, store: CreateStoreInput = {}) {
  const row = await createStore(prisma, store);
  if (usdt > 0n) await creditStoreUsdt(currencies, row.id, usdt);
  return row;
}

/** A store with one merchant API key, returned in full. */
export async function storeWithApiKey(input: CreateStoreInput = {}) {
  const store = await createStore(prisma, input);
  const { key, row } = await createMerchantApiKey(prisma, { storeId: store.id });
  return { store, key, keyRow: row };
}

/** Credits a store's available USDT through the ledger (reason deposit_credit). */
export async function creditStoreUsdt(currencies: Currencies, storeId: number, microUsdt: bigint) {
  await prisma.$transaction((tx) =>
    postMovements(tx, [{ account: { kind: "store", storeId, currencyId: currencies.USDT.id }, delta: microUsdt, reason: "deposit_credit" }]),
  );
}

/** A store's USDT balance: available and held, zero before the first movement. */
export async function storeUsdt(currencies: Currencies, storeId: number) {
  const row = await prisma.balanceStore.findUnique({ where: { storeId_currencyId: { storeId, currencyId: currencies.USDT.id } } });
  return { available: row?.amount ?? 0n, held: row?.held ?? 0n };
}

/** A trader's USDT deposit: available and held, zero before the first movement. */
export async function traderUsdt(currencies: Currencies, traderId: number) {
  const row = await prisma.balanceTraderCrypto.findUnique({ where: { traderId_currencyId: { traderId, currencyId: currencies.USDT.id } } });
  return { available: row?.amount ?? 0n, held: row?.held ?? 0n };
}

/** What the engine's createPayin takes for `amount` kopecks, with a unique customer and merchant order id. */
export function orderInput(amount: bigint) {
  return { amount, currency: "RUB", customerId: uniqueId("cust"), merchantOrderId: uniqueId("mo") };
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

/** A payout assigned to `requisite`'s trader, with a destination card, through the factories. */
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
