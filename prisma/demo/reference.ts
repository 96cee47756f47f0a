// The reference data and configuration the demo starts from, as a fresh install has them.
import type { Tx } from "@/lib/db/client";
import { seedReferenceData as seedPlatformReferenceData } from "@/lib/platform/reference-data";
import type { SeedCounts } from "./seed-demo-data";

/** configuration_settings key the seed leaves behind; a database without it (and with users) is not the seed's. */
export const DEMO_SEED_MARKER = "system.demo_seed";

/** Roles, currencies, payment methods, banks and every default setting, plus the demo's loopback callbacks and its marker. */
export async function seedReferenceData(tx: Tx, created: SeedCounts) {
  const { currencies, methods, banks, settings } = await seedPlatformReferenceData(tx, {
    "callbacks.allowed_private_hosts": { value: ["127.0.0.1", "localhost", "::1"] },
    // The demo logins are shared and sign in with a password only (the README, the e2e specs):
    // no role is forced to enrol in 2FA here. Production databases run on the default.
    "security.require_2fa_roles": { value: [] },
    [DEMO_SEED_MARKER]: { value: true, description: "Set by the demo seed (npm run db:seed): this database holds demo data and may be re-seeded." },
  });
  created.settings = settings;
  return { currencies, methods, banks };
}

export type DemoReference = Awaited<ReturnType<typeof seedReferenceData>>;

/** The RUB per USDT rate rows. */
export const rubPerUsdt = ({ currencies }: Pick<DemoReference, "currencies">) => ({ baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id });
