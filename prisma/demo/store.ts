// The demo merchant's store, its API key and — when the store is new — its order history.
import type { Tx } from "@/lib/db/client";
import type { Random } from "@/lib/testing/random";
import { createMerchantApiKey, createStore, sha256Hex } from "@/lib/testing";
import { SETTINGS } from "@/lib/settings/definitions";
import { DEMO_LOGINS } from "../demo-logins";
import type { DemoAccounts } from "./accounts";
import { generateOrderHistory } from "./history";
import { demoRateHistory } from "./rates";
import type { DemoReference } from "./reference";
import type { SeedCounts } from "./seed-demo-data";
import { historyTraders } from "./team";
import { ensureSandboxTrader } from "@/lib/sandbox/ensure-sandbox-trader";

const DEMO_STORE = {
  name: "Demo Store",
  callbackUrl: "http://127.0.0.1:4000/webhooks",
  payinCommission: "0.03",
  payoutCommission: "0.02",
};

/** The Demo Store (with the demo webhook secret) and the demo merchant API key, each created when missing. */
export async function seedDemoStore(tx: Tx, merchantUserId: number, created: SeedCounts) {
  const existing = await tx.merchantStore.findFirst({ where: { userId: merchantUserId, name: DEMO_STORE.name } });
  const store = existing ?? (await createStore(tx, { userId: merchantUserId, ...DEMO_STORE, webhookSecret: DEMO_LOGINS.webhookSecret }));
  if (!(await tx.merchantApiKey.findUnique({ where: { keyHash: sha256Hex(DEMO_LOGINS.merchantApiKey) } }))) {
    await createMerchantApiKey(tx, { storeId: store.id, key: DEMO_LOGINS.merchantApiKey, name: "Demo key", createdById: merchantUserId });
    created.apiKeys += 1;
  }
  return { store, isNew: !existing };
}

const DEMO_SANDBOX_STORE = {
  name: "Demo Sandbox Store",
  callbackUrl: DEMO_STORE.callbackUrl,
  payinCommission: "0",
  payoutCommission: "0",
};

/**
 * The demo merchant's sandbox store with the published sandbox key, and the simulated sandbox
 * trader its orders go to (created as on any database: lib/sandbox/ensure-sandbox-trader.ts).
 */
export async function seedDemoSandboxStore(tx: Tx, merchantUserId: number, created: SeedCounts) {
  await ensureSandboxTrader(tx);
  const existing = await tx.merchantStore.findFirst({ where: { userId: merchantUserId, name: DEMO_SANDBOX_STORE.name, isSandbox: true } });
  const store = existing ?? (await createStore(tx, { userId: merchantUserId, ...DEMO_SANDBOX_STORE, webhookSecret: DEMO_LOGINS.webhookSecret, isSandbox: true }));
  if (!(await tx.merchantApiKey.findUnique({ where: { keyHash: sha256Hex(DEMO_LOGINS.merchantSandboxApiKey) } }))) {
    await createMerchantApiKey(tx, { storeId: store.id, key: DEMO_LOGINS.merchantSandboxApiKey, name: "Demo sandbox key", createdById: merchantUserId });
    created.apiKeys += 1;
  }
  return store;
}

/** Two weeks of the store's orders on the demo team's requisites, at the demo rates; returns how many. */
export async function seedDemoStoreHistory(
  tx: Tx,
  store: Awaited<ReturnType<typeof createStore>>,
  { reference, accounts, now, random }: { reference: DemoReference; accounts: DemoAccounts; now: Date; random: Random },
): Promise<number> {
  const { currencies, methods } = reference;
  const orders = await generateOrderHistory(tx, {
    store,
    storeAvailable: 0n,
    traders: await historyTraders(tx, currencies.USDT.id),
    fiat: currencies.RUB,
    crypto: currencies.USDT,
    rates: await demoRateHistory(tx, reference),
    paymentMethodIds: [methods.card.id, methods.sbp.id],
    merchantUserId: accounts.merchant.id,
    supportUserId: accounts.support.id,
    now,
    random,
    paymentTtlSeconds: SETTINGS["order.payment_ttl_seconds"].default,
    payoutTtlSeconds: SETTINGS["order.payout_ttl_seconds"].default,
    matchWindowSeconds: SETTINGS["order.match_window_seconds"].default,
  });
  return orders.length;
}
