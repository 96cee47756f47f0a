// The reference data and configuration the demo starts from, as a fresh install has them.
import type { Tx } from "@/lib/db/client";
import { ROLES } from "@/lib/auth/roles";
import { ensureBanks, ensureCurrencies, ensureDefaultSettings, ensurePaymentMethods, ensureRole } from "@/lib/testing";
import type { SeedCounts } from "./seed-demo-data";

/** configuration_settings key the seed leaves behind; a database without it (and with users) is not the seed's. */
export const DEMO_SEED_MARKER = "system.demo_seed";

/** Roles, currencies, payment methods, banks and every default setting, plus the demo's loopback callbacks and its marker. */
export async function seedReferenceData(tx: Tx, created: SeedCounts) {
  for (const role of ROLES) await ensureRole(tx, role);
  const currencies = await ensureCurrencies(tx);
  const methods = await ensurePaymentMethods(tx);
  const banks = await ensureBanks(tx);
  created.settings = await ensureDefaultSettings(tx, {
    "callbacks.allowed_private_hosts": { value: ["127.0.0.1", "localhost", "::1"] },
    [DEMO_SEED_MARKER]: { value: true, description: "Set by the demo seed (npm run db:seed): this database holds demo data and may be re-seeded." },
  });
  return { currencies, methods, banks };
}

export type DemoReference = Awaited<ReturnType<typeof seedReferenceData>>;

/** The RUB per USDT rate rows. */
export const rubPerUsdt = ({ currencies }: Pick<DemoReference, "currencies">) => ({ baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id });
