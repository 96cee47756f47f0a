// npm run bench:callbacks — fair callback delivery (issue 15): how late a healthy store's
// callbacks arrive while another store's endpoint accepts connections and never answers with
// CALLBACKS_HANGING due callbacks (1,000 by default), against the same load with no hanging
// store, in one run.
//   1. One embedded PostgreSQL, migrated; reference data, a trader with a requisite, two stores
//      whose callback URLs are two local HTTP endpoints: one answers 200 at once, one never answers.
//   2. The delivery pool runs as the app runs it (the in-process sweep loop, default settings:
//      3 s to connect, 10 s to answer, 10 in flight per store, 50 slots, breaker after 5 failures).
//   3. Baseline: CALLBACKS_PAYINS pay-ins of the healthy store through the engine (each matched,
//      then cancelled: two callbacks), one every
//      CALLBACKS_GAP_MS; each callback's lateness = its arrival at the endpoint − the moment it
//      was due. Then the hanging store gets its due callbacks and the same pay-ins run again.
// Prints both sides' p50/p95/max, the hanging store's attempts spent and its breaker, and
// writes bench/callbacks-results.json.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate-engine";
import { freePort, sleep } from "../processes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HANGING = Number(process.env.CALLBACKS_HANGING ?? 1000);
const PAYINS = Number(process.env.CALLBACKS_PAYINS ?? 100);
const GAP_MS = Number(process.env.CALLBACKS_GAP_MS ?? 100);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), max: Math.round(sorted.at(-1) ?? NaN) };
};

/** A local endpoint: records each webhook's arrival time by order id; `hang` never answers. */
async function endpoint(hang: boolean) {
  const arrivals = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const at = Date.now();
    const orderId = (JSON.parse(body) as { data: { id: string } }).data.id;
    if (!arrivals.has(orderId)) arrivals.set(orderId, at);
    if (!hang) res.writeHead(200).end();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  const close = () => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
  return { url, arrivals, close };
}

const runDir = path.join(ROOT, ".tmp", `bench-callbacks-${crypto.randomBytes(4).toString("hex")}`);
fs.mkdirSync(runDir, { recursive: true });
const database = await startEmbeddedPostgres({ dataDir: path.join(runDir, "pg"), port: await freePort(), quiet: true, throwaway: true });
const healthy = await endpoint(false);
const hanging = await endpoint(true);
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("../../lib/db/client");
  const { createStore } = await import("../../lib/testing");
  const { setupCallbackWorld, payinWithCallbacks } = await import("../../lib/testing/callback-orders");
  const { copyDueCallbacks } = await import("../../lib/testing/due-callbacks");
  const { startSweepLoop } = await import("../../lib/jobs/sweep-loop");
  const { SWEEP_TASKS } = await import("../../lib/jobs/sweep-tasks");

  await setupCallbackWorld();
  const fine = await createStore(prisma, { name: "Healthy store", callbackUrl: healthy.url });
  const stuck = await createStore(prisma, { name: "Hanging store", callbackUrl: hanging.url });
  const loop = startSweepLoop(SWEEP_TASKS.filter((task) => task.name === "deliver-due-callbacks"));

  /** PAYINS pay-ins of the healthy store; the lateness of each one's callback, in ms. */
  async function healthyLateness(label: string) {
    // The load generator, the pool and both endpoints share this process: a busy machine shows here first.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const due = new Map<string, number>();
    for (let i = 0; i < PAYINS; i++) {
      const { orderId, callbacks } = await payinWithCallbacks(fine, "cancelled");
      due.set(orderId, callbacks[0].nextAttemptAt.getTime());
      await sleep(GAP_MS);
    }
    const until = Date.now() + 30_000;
    while ([...due.keys()].some((id) => !healthy.arrivals.has(id)) && Date.now() < until) await sleep(50);
    const lateness = [...due].filter(([id]) => healthy.arrivals.has(id)).map(([id, at]) => healthy.arrivals.get(id)! - at);
    loopDelay.disable();
    const result = { ...summary(lateness), missing: due.size - lateness.length, eventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6) };
    console.log(
      `${label.padEnd(40)} p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms over ${result.count} callbacks` +
        `${result.missing ? `, ${result.missing} not delivered in 30 s` : ""} (event-loop delay p99 ${result.eventLoopDelayP99Ms} ms)`,
    );
    return result;
  }

  console.log(`bench:callbacks — ${PAYINS} healthy pay-ins, one every ${GAP_MS} ms; hanging store with ${HANGING} due callbacks`);
  const baseline = await healthyLateness("baseline (no hanging store)");

  const first = await payinWithCallbacks(stuck, "awaiting_payment");
  await copyDueCallbacks(first.orderId, HANGING - 1, { prefix: "pi_hang", dueAt: new Date() });
  const started = Date.now();
  const withHanging = await healthyLateness(`with a hanging store (${HANGING} due)`);
  const spent = (await prisma.callbackDelivery.aggregate({ where: { storeId: stuck.id }, _sum: { attempts: true } }))._sum.attempts ?? 0;
  const breaker = await prisma.callbackEndpoint.findUnique({ where: { storeId: stuck.id } });
  const logged = await prisma.callbackAttempt.count({ where: { delivery: { storeId: stuck.id } } });
  console.log(
    `hanging store after ${Math.round((Date.now() - started) / 1000)} s: breaker ${breaker?.state ?? "none"}` +
      `${breaker?.nextProbeAt ? `, next probe in ${Math.round((breaker.nextProbeAt.getTime() - Date.now()) / 1000)} s` : ""}; ` +
      `${spent} attempts counted, ${logged} requests sent (probes included), ${hanging.arrivals.size} distinct callbacks reached it`,
  );
  console.log(`ratio p95 with / without: ${(withHanging.p95 / Math.max(1, baseline.p95)).toFixed(2)}`);
  await loop.stop();
  const results = { at: new Date().toISOString(), hangingDue: HANGING, payins: PAYINS, gapMs: GAP_MS, baseline, withHanging, hangingStore: { attemptsCounted: spent, requestsSent: logged, breaker: breaker?.state ?? null } };
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench/callbacks-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  await prisma.$disconnect();
} finally {
  await healthy.close();
  await hanging.close();
  await database.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
}
