// npm run soak — two production server processes on one database, SOAK_SECONDS (180) of mixed
// traffic from SOAK_CLIENTS (72, at least 64) clients over real HTTP, each instance SIGKILLed
// and restarted mid-run, a merchant webhook receiver that fails, hangs and answers slowly; then
// the checks of issue 13 (checks/) and the figures (report.ts). Exits 1 when a check fails.
//   1. An embedded PostgreSQL (throwaway), migrated and seeded (world.ts): 3 stores whose
//      callback URL is the receiver, 40 traders × 3 requisites (some with tight limits or small
//      deposits), support users; lifecycle deadlines shortened to seconds (config.ts).
//   2. The standalone production build (reused when the sources did not change: the `npm test`
//      e2e phase builds the same `.next`), started twice on two ports with one NEXTAUTH_SECRET;
//      both run the in-process sweeps (expiry, matching retries, callbacks).
//   3. Traffic (actors/): pay-in merchants, payout merchants, traders on the trader API, store
//      back offices reading, support resolving disputes through the cabinet's server action;
//      meanwhile chaos.ts kills and restarts the instances.
//   4. Traffic stops; the receiver recovers; the run waits (SOAK_DRAIN_SECONDS at most) until
//      every deadline fired and every callback was delivered, then checks and prints.
// SOAK_SEED repeats a run's random choices; SOAK_KEEP=1 keeps the database and server logs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate-engine";
import { runPayinMerchant } from "./actors/payin-merchant";
import { runPayoutMerchant } from "./actors/payout-merchant";
import { runReader } from "./actors/reader";
import { resolveActionId, resolvedDisputes, runSupport } from "./actors/support";
import { runTrader } from "./actors/trader";
import type { ActorContext } from "./actors/context";
import { runChaos, type KillEvent } from "./chaos";
import { Client, TrafficLog } from "./client";
import { SOAK } from "./config";
import { AppInstance, ROOT, freePort, productionBuild, sleep } from "./processes";
import { seedRandom } from "./random";
import { startReceiver } from "./receiver";

seedRandom(SOAK.seed);
const runDir = path.join(ROOT, ".tmp", `soak-${crypto.randomBytes(4).toString("hex")}`);
fs.mkdirSync(runDir, { recursive: true });
console.log(`soak: ${SOAK.seconds} s, ${SOAK.clients} clients, two instances, seed ${SOAK.seed} (SOAK_SEED), data and logs in ${path.relative(ROOT, runDir)}`);

const database = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await freePort(), quiet: true, throwaway: true });
const instances: AppInstance[] = [];
const receiver = await startReceiver();
let disconnect: () => Promise<void> = async () => {};
let failed = true;

async function cleanUp() {
  await Promise.all(instances.map((instance) => instance.stop().catch(() => undefined)));
  await receiver.close();
  await disconnect().catch(() => undefined);
  // Stopping the server ends the pool's idle connections: their "terminating connection" is expected.
  process.on("uncaughtException", (error) => {
    if ((error as { code?: string }).code !== "57P01") throw error;
  });
  await database.stop();
  if (!failed && !SOAK.keep) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`kept ${path.relative(ROOT, runDir)} (database, app-*.log)`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("../../lib/db/client");
  disconnect = () => prisma.$disconnect();
  const { seedWorld } = await import("./world");
  const supportClients = 2;
  const world = await seedWorld(receiver.url, supportClients);
  receiver.secrets = world.stores.map((store) => store.webhookSecret);
  console.log(`seeded ${world.stores.length} stores, ${world.traders.length} traders × 3 requisites, ${world.support.length} support users`);

  const standalone = await productionBuild(SOAK.distDir);
  const actionId = resolveActionId(SOAK.distDir);
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    JIVAPAY_ENV_CHECKED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  };
  for (const name of ["app-a", "app-b"]) instances.push(new AppInstance(name, await freePort(), standalone, env, path.join(runDir, `${name}.log`)));
  await Promise.all(instances.map((instance) => instance.start()));
  console.log(`serving: ${instances.map((i) => `${i.name} ${i.url}`).join(", ")}`);

  const log = new TrafficLog();
  let stop = false;
  const ctx: ActorContext = { client: new Client(instances, log, () => stop), world, stopping: () => stop };
  // The mix: 2 support, 4 readers, 12 trader apps, 8 payout merchants, the rest pay-in merchants.
  const traderClients = 12;
  const payoutClients = 8;
  const readers = 4;
  const payinClients = SOAK.clients - supportClients - readers - traderClients - payoutClients;
  const actors: Promise<void>[] = [];
  for (let i = 0; i < payinClients; i++) actors.push(runPayinMerchant(ctx, i));
  for (let i = 0; i < payoutClients; i++) actors.push(runPayoutMerchant(ctx, i));
  for (let i = 0; i < traderClients; i++) actors.push(runTrader(ctx, world.traders.filter((_, t) => t % traderClients === i)));
  for (let i = 0; i < readers; i++) actors.push(runReader(ctx, i));
  world.support.forEach((user) => actors.push(runSupport(ctx, user, actionId)));
  console.log(`traffic: ${payinClients} pay-in merchants, ${payoutClients} payout merchants, ${traderClients} trader apps, ${readers} readers, ${supportClients} support`);

  const startedAt = Date.now();
  const chaos = runChaos(instances, SOAK.seconds, startedAt, () => stop);
  const progress = setInterval(() => console.log(`  ${((Date.now() - startedAt) / 1000).toFixed(0)} s: ${log.answers.length} answers`), 15_000);
  await sleep(SOAK.seconds * 1000);
  stop = true;
  clearInterval(progress);
  const kills: KillEvent[] = await chaos;
  await Promise.race([Promise.all(actors), sleep(40_000)]);
  const trafficSeconds = (Date.now() - startedAt) / 1000;
  console.log(`traffic stopped after ${trafficSeconds.toFixed(0)} s`);

  // The merchant's server recovers; the instances sweep until every deadline fired and every callback is delivered.
  receiver.faults = false;
  const drainStart = Date.now();
  let reported = 0;
  for (;;) {
    const [state] = await prisma.$queryRawUnsafe<{ open: number; callbacks: number }[]>(
      `SELECT (SELECT count(*)::int FROM incoming_orders WHERE status IN ('created', 'awaiting_payment', 'assigned', 'paid')) AS open,
              (SELECT count(*)::int FROM callback_deliveries WHERE status IN ('pending', 'delivering')) AS callbacks`,
    );
    const waited = (Date.now() - drainStart) / 1000;
    if (state.open === 0 && state.callbacks === 0) {
      console.log(`drained in ${waited.toFixed(0)} s: no order waits for a deadline, no callback is undelivered`);
      break;
    }
    if (waited > SOAK.drainSeconds) {
      console.log(`not drained after ${SOAK.drainSeconds} s: ${state.open} orders open with a deadline, ${state.callbacks} callbacks undelivered`);
      break;
    }
    if (waited >= reported + 10 && (reported = Math.floor(waited))) console.log(`  draining: ${state.open} orders with a deadline ahead, ${state.callbacks} callbacks undelivered`);
    await sleep(1_000);
  }
  // One more sweep period of both instances before judging deadlines.
  await sleep(3_000);

  const { runChecks } = await import("./checks/index");
  const { printChecks, printDatabase, printRequests } = await import("./report");
  const run = { world, log, receiver, kills, instances: instances.map((i) => i.name), resolvedDisputes };
  printRequests(run, SOAK.seconds);
  await printDatabase(run);
  const checks = await runChecks(run);
  printChecks(checks);
  failed = checks.some((c) => !c.ok);
  console.log(failed ? "\nsoak FAILED" : "\nsoak passed");
} catch (error) {
  console.error("soak failed:", error);
  failed = true;
} finally {
  await cleanUp();
}
process.exit(failed ? 1 : 0);
