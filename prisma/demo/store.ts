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
