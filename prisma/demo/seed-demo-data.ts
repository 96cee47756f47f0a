// The demo data of `npm run db:seed` (prisma/seed.ts), in named steps: reference data and
// settings, the demo logins' users, the rates, the trader team, the demo trader's token, the
// Demo Store with its key, and its order history.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { seededRandom } from "@/lib/testing/random";
import { seedDemoAccounts } from "./accounts";
import { seedDemoRates } from "./rates";
import { DEMO_SEED_MARKER, seedReferenceData } from "./reference";
import { seedDemoSandboxStore, seedDemoStore, seedDemoStoreHistory } from "./store";
import { seedDemoTeam, seedDemoTraderToken } from "./team";

export { DEMO_SEED_MARKER };
const SEED_LOCK = 0x6a17a5eedn; // pg_advisory_xact_lock key: two seeds never interleave

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedRefusedError";
  }
}

/** What one run created. */
export interface SeedCounts {
  users: number;
  requisites: number;
  settings: number;
  orders: number;
  apiKeys: number;
}

export interface SeedSummary {
  mode: "fresh" | "reseed";
  created: SeedCounts;
  ordersByStatus: Record<string, number>;
  storeBalanceUsdt: string;
  platformBalanceUsdt: string;
}

type DatabaseState = { kind: "empty" } | { kind: "seeded" } | { kind: "foreign"; reason: string };

/**
 * Fills an empty database with the demo data, or completes one the seed filled before
 * (creating only what is missing, never changing what exists). Everything happens in one
 * transaction; on any other database it throws SeedRefusedError without writing anything.
 */
export async function seedDemoData(prisma: PrismaClient, options: { now?: Date; seed?: number } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const random = seededRandom(options.seed ?? 20_261_122);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", SEED_LOCK);
      const state = await databaseState(tx);
      if (state.kind === "foreign") throw new SeedRefusedError(state.reason);
      const created: SeedCounts = { users: 0, requisites: 0, settings: 0, orders: 0, apiKeys: 0 };

      const reference = await seedReferenceData(tx, created);
      const accounts = await seedDemoAccounts(tx, created);
      await seedDemoRates(tx, reference, accounts.admin.id, now);
      await seedDemoTeam(tx, { ...reference, teamleadId: accounts.teamlead?.id ?? null, now }, created);
      await seedDemoTraderToken(tx, created);
      const { store, isNew } = await seedDemoStore(tx, accounts.merchant.id, created);
      if (isNew) created.orders = await seedDemoStoreHistory(tx, store, { reference, accounts, now, random });
      await seedDemoSandboxStore(tx, accounts.merchant.id, created);

      if (state.kind === "empty") {
        await tx.auditLog.create({
          data: { actorType: "system", action: "demo_seed", entityType: "database", newValues: { ...created }, createdAt: now },
        });
      }
      return summarize(tx, state.kind === "empty" ? "fresh" : "reseed", created, store.id, reference.currencies.USDT);
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}

async function databaseState(tx: Tx): Promise<DatabaseState> {
  const users = await tx.user.count();
  if (users === 0) return { kind: "empty" };
  const marker = await tx.configurationSetting.findUnique({ where: { key: DEMO_SEED_MARKER } });
  if (marker?.value === true) return { kind: "seeded" };
  return {
    kind: "foreign",
    reason:
      `the database already has ${users} user(s) and was not created by the demo seed ` +
      `(no configuration_settings "${DEMO_SEED_MARKER}" = true). The seed only fills an empty database; nothing was changed.`,
  };
}

async function summarize(tx: Tx, mode: SeedSummary["mode"], created: SeedCounts, storeId: number, usdt: { id: number; exponent: number }): Promise<SeedSummary> {
  const groups = await tx.incomingOrder.groupBy({ by: ["status"], where: { storeId }, _count: { _all: true } });
  const store = await tx.balanceStore.findUnique({ where: { storeId_currencyId: { storeId, currencyId: usdt.id } } });
  const platform = await tx.balancePlatform.findUnique({ where: { currencyId: usdt.id } });
  return {
    mode,
    created,
    ordersByStatus: Object.fromEntries(groups.map((g) => [g.status, g._count._all])),
    storeBalanceUsdt: formatMinor(store?.amount ?? 0n, usdt.exponent),
    platformBalanceUsdt: formatMinor(platform?.amount ?? 0n, usdt.exponent),
  };
}

function formatMinor(amount: bigint, exponent: number): string {
  const text = amount.toString().padStart(exponent + 1, "0");
  return `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
}
