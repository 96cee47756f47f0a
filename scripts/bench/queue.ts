// npm run bench:queue — the trader queue by push under load: how long after the gateway answers
// a pay-in does the SSE event reach the trader's open cabinet, with QUEUE_TRADERS traders
// connected, while pay-ins are created as fast as QUEUE_CONNECTIONS connections can (issue 13:
// p95 ≤ 1 s). Also: pay-in throughput with and without the listeners connected and with the
// NOTIFY trigger switched off (PostgreSQL serialises the commits of notifying transactions),
// what polling every 2 s would cost instead, and what the queue read costs per request.
//   1. One embedded PostgreSQL, migrated; QUEUE_TRADERS traders × 1 requisite with large limits,
//      a store and its key, rate limits and fraud caps raised; a session cookie per trader
//      (a next-auth JWT signed with the server's NEXTAUTH_SECRET, as a sign-in would set).
//   2. The production server (the standalone build `npm start` runs).
//   3. Pay-ins alone (trigger on, trigger off, alternated), then again with every trader holding
//      the SSE stream open; each pay-in's answer time is matched with its event's arrival on its
//      trader's connection. Writes bench/queue-results.json.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate-engine";
import { freePort, productionBuild, stopProcesses, waitFor } from "../processes";
// What the cabinet did before on every tab, and still does while its stream is down: a queue read every 2 s.
import { QUEUE_POLL_MS as POLL_MS } from "../../components/trader/trader-queries";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.QUEUE_CONNECTIONS ?? 32);
const TRADERS = Number(process.env.QUEUE_TRADERS ?? 1000);
const ALTERNATIONS = Number(process.env.BENCH_ALTERNATIONS ?? 2);
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const SECRET = crypto.randomBytes(32).toString("base64url");

const children: ChildProcess[] = [];
function startProcess(args: string[], env: Record<string, string>, cwd = ROOT): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, min: round(sorted[0] ?? NaN), p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
};

interface LoadResult {
  requestsPerSecond: number;
  ok: number;
  errors: number;
  p50: number;
  p99: number;
}

/**
 * autocannon for `seconds` at CONNECTIONS connections; `next()` gives each request; `onBody`
 * sees each 2xx body with the time it arrived.
 */
async function load(
  baseUrl: string,
  next: () => { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string },
  seconds: number,
  onBody?: (body: string, at: number) => void,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            setupRequest: (request) => ({ ...request, ...next() }),
            onResponse: (status, body) => {
              if (status >= 200 && status < 300) onBody?.(body, performance.now());
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) {
        ok += 1;
        latencies.push(responseTime);
      } else errors += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: round(ok / result.duration), ok, errors: errors + result.errors + result.timeouts, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) };
}

/** One trader's open queue stream: records when each order event arrives (performance.now()). */
interface StreamClient {
  traderId: number;
  ready: Promise<void>;
  events: Map<string, number>;
  heartbeats: number;
  close(): void;
}

function openStream(baseUrl: string, traderId: number, cookie: string): StreamClient {
  const client: StreamClient = { traderId, ready: Promise.resolve(), events: new Map(), heartbeats: 0, close: () => {} };
  let buffer = "";
  client.ready = new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/cabinet/trader/queue/stream`, { headers: { cookie, accept: "text/event-stream" }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream for trader ${traderId}: ${response.statusCode}`));
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.startsWith(": heartbeat")) client.heartbeats += 1;
          else if (message.startsWith("event: ready")) resolve();
          else if (message.startsWith("event: order\n")) {
            const { id } = JSON.parse(message.slice(message.indexOf("data: ") + 6)) as { id: string };
            if (!client.events.has(id)) client.events.set(id, at);
          }
        }
      });
    });
    request.on("error", reject);
    client.close = () => request.destroy();
  });
  return client;
}

const dataDir = path.join(ROOT, ".tmp", `bench-queue-${crypto.randomBytes(4).toString("hex")}`);
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true });
const closers: (() => Promise<unknown>)[] = [];
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE jivapay_queue_bench");
  await admin.end();
  const appUrl = Object.assign(new URL(server.url), { pathname: "/jivapay_queue_bench" }).toString();
  await applyMigrations(appUrl);
  process.env.DATABASE_URL = appUrl;
  const { prisma } = await import("../../lib/db/client");
  closers.push(() => prisma.$disconnect());
  const f = await import("@/lib/testing");
  const { postMovements } = await import("../../lib/ledger/post-movements");
  const { HEARTBEAT_MS, SEEN_EVERY_MS, STREAM_LIFETIME_MS } = await import("../../lib/web/trader-queue-stream");
  const currencies = await f.ensureCurrencies(prisma);
  await f.ensurePaymentMethods(prisma);
  await f.ensureBanks(prisma);
  await f.ensureDefaultSettings(prisma);
  await f.createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  for (const [key, value] of Object.entries({
    "fraud.max_open_orders_per_customer": 0,
    "fraud.max_orders_per_customer_per_hour": 0,
    "matching.max_open_orders_per_requisite": 100,
    "rate_limit.per_api_key_per_minute": 1_000_000,
    "rate_limit.per_ip_per_minute": 1_000_000,
  })) {
    await prisma.configurationSetting.update({ where: { key }, data: { value } });
  }
  const store = await f.createStore(prisma);
  const { key: merchantKey } = await f.createMerchantApiKey(prisma, { storeId: store.id });
  const traders: { id: number; cookie: string }[] = [];
  const seedOne = async () => {
    const trader = await f.createTrader(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 10n ** 15n, reason: "deposit_credit" }]),
    );
    await f.createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, dailyLimit: 10n ** 15n, monthlyLimit: 10n ** 16n, maxAmount: 10n ** 12n });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: trader.userId }, select: { id: true, email: true, sessionVersion: true } });
    // What the credentials sign-in puts in the session cookie (lib/web/auth-options.ts, jwt callback).
    const token = await encode({ secret: SECRET, token: { sub: String(user.id), email: user.email, uid: user.id, role: "trader", sv: user.sessionVersion } });
    traders.push({ id: trader.id, cookie: `next-auth.session-token=${token}` });
  };
  for (let i = 0; i < TRADERS; i += 10) await Promise.all(Array.from({ length: Math.min(10, TRADERS - i) }, seedOne));
  await prisma.$executeRawUnsafe("ANALYZE");
  console.log(`seeded ${TRADERS} traders × 1 requisite, one store`);

  const standalone = await productionBuild(DIST_DIR);
  const port = await freePort();
  startProcess([path.join(standalone, "server.js")], {
    NODE_ENV: "production",
    DATABASE_URL: appUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: SECRET,
    JIVAPAY_ENV_CHECKED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  }, standalone);
  const app = `http://127.0.0.1:${port}`;
  await waitFor(`${app}/api/health`);

  let sequence = 0;
  const payin = () => {
    sequence += 1;
    const body = JSON.stringify({ amount: 100_000 + (sequence % 900_000), currency: "RUB", customer_id: `c${sequence % 5000}`, merchant_order_id: `q-${sequence}` });
    return { method: "POST" as const, path: "/api/v1/payin", headers: { authorization: `Bearer ${merchantKey}`, "content-type": "application/json", "idempotency-key": `k-${sequence}` }, body };
  };
  const db = new pg.Client({ connectionString: appUrl });
  await db.connect();
  closers.push(() => db.end());
  const setTrigger = (on: boolean) =>
    db.query(`ALTER TABLE incoming_orders ${on ? "ENABLE" : "DISABLE"} TRIGGER incoming_orders_notify_insert, ${on ? "ENABLE" : "DISABLE"} TRIGGER incoming_orders_notify_update`);

  // Warm-up: JIT, pools, plan caches, the routes' bundles.
  await load(app, payin, 3);

  /** Every trader opens the queue stream (in batches, as a morning shift would log in); returns them and how long that took. */
  const openAllStreams = async () => {
    const started = performance.now();
    const streams: StreamClient[] = [];
    for (let i = 0; i < traders.length; i += 50) {
      const batch = traders.slice(i, i + 50).map((t) => openStream(app, t.id, t.cookie));
      streams.push(...batch);
      await Promise.all(batch.map((s) => s.ready));
    }
    return { streams, seconds: (performance.now() - started) / 1000 };
  };

  /** Pay-ins with every trader listening; each pay-in's delay from the API's answer to the event on its trader's stream. */
  const delays: number[] = [];
  let missing = 0;
  let wrongTrader = 0;
  const connectSeconds: number[] = [];
  let lastClosedAt = 0;
  const runWithListeners = async () => {
    const { streams, seconds } = await openAllStreams();
    connectSeconds.push(seconds);
    const streamOf = new Map(streams.map((s) => [s.traderId, s]));
    const answered = new Map<string, number>();
    const measured = await load(app, payin, SECONDS, (body, at) => {
      const order = JSON.parse(body) as { id: string; status: string };
      if (order.status === "awaiting_payment") answered.set(order.id, at);
    });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the last events on their way
    const { rows } = await db.query<{ id: string; trader_id: number }>("SELECT id, trader_id FROM incoming_orders WHERE id = ANY($1)", [[...answered.keys()]]);
    const traderOf = new Map(rows.map((row) => [row.id, row.trader_id]));
    for (const [id, traderId] of traderOf) {
      const arrived = streamOf.get(traderId)?.events.get(id);
      if (arrived === undefined) missing += 1;
      else delays.push(arrived - answered.get(id)!);
    }
    for (const s of streams) wrongTrader += [...s.events.keys()].filter((id) => traderOf.has(id) && traderOf.get(id) !== s.traderId).length;
    for (const s of streams) s.close();
    lastClosedAt = performance.now();
    return measured;
  };

  // Pay-ins alone with the NOTIFY trigger on and off, and with every trader listening, alternated
  // (the machine's other work drifts; alternating spreads the drift over all three).
  const runs: Record<"triggerOn" | "triggerOff" | "withListeners", LoadResult[]> = { triggerOn: [], triggerOff: [], withListeners: [] };
  for (let r = 0; r < ALTERNATIONS; r++) {
    const order = r % 2 ? (["withListeners", "triggerOff", "triggerOn"] as const) : (["triggerOn", "triggerOff", "withListeners"] as const);
    for (const kind of order) {
      await setTrigger(kind !== "triggerOff");
      const measured = kind === "withListeners" ? await runWithListeners() : await load(app, payin, SECONDS);
      runs[kind].push(measured);
      const label = kind === "withListeners" ? `${TRADERS} listeners, trigger on` : `no listeners, trigger ${kind === "triggerOn" ? "on" : "off"}`;
      console.log(`pay-ins, ${label}: ${measured.requestsPerSecond} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms${measured.errors ? `, ${measured.errors} errors` : ""}`);
    }
  }
  await setTrigger(true);
  console.log(`${TRADERS} queue streams opened in ${connectSeconds.map((t) => t.toFixed(1)).join(" s, ")} s`);
  const delay = summary(delays);
  // The server writes the event when PostgreSQL delivers the NOTIFY, at commit — before or just
  // after it writes the API's answer — so a negative delay is an event that arrived first.
  const beforeAnswer = delays.filter((d) => d < 0).length;
  console.log(
    `pay-in answered → event at its trader's stream: p50 ${delay.p50} ms, p95 ${delay.p95} ms, p99 ${delay.p99} ms, max ${delay.max} ms over ${delay.count} pay-ins ` +
      `(${beforeAnswer} arrived before the answer); ${missing} missing, ${wrongTrader} at another trader`,
  );

  // NOTIFY's own ceiling, below the app: PostgreSQL serialises the commits of transactions that
  // notified (a global lock while the notification is queued). CONNECTIONS clients each commit
  // one-row updates of their own orders that fire the trigger (a new expires_at), for a few
  // seconds with the trigger on and off, alternated.
  const { rows: orderRows } = await db.query<{ id: string }>("SELECT id FROM incoming_orders WHERE status = 'awaiting_payment' ORDER BY id LIMIT $1", [CONNECTIONS * 20]);
  const commitRun = async (seconds: number) => {
    const clients = await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      const client = new pg.Client({ connectionString: appUrl });
      await client.connect();
      return client;
    }));
    let commits = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(clients.map(async (client, c) => {
      const mine = orderRows.filter((_, i) => i % CONNECTIONS === c).map((row) => row.id);
      for (let i = 0; performance.now() < until && mine.length; i++) {
        await client.query("UPDATE incoming_orders SET expires_at = expires_at + interval '1 millisecond' WHERE id = $1", [mine[i % mine.length]]);
        commits += 1;
      }
    }));
    await Promise.all(clients.map((client) => client.end()));
    return round(commits / seconds);
  };
  const commitsPerSecond: { triggerOn: number[]; triggerOff: number[] } = { triggerOn: [], triggerOff: [] };
  for (let r = 0; r < ALTERNATIONS; r++) {
    for (const on of r % 2 ? [false, true] : [true, false]) {
      await setTrigger(on);
      commitsPerSecond[on ? "triggerOn" : "triggerOff"].push(await commitRun(5));
    }
  }
  await setTrigger(true);
  console.log(`one-row order updates straight to PostgreSQL at ${CONNECTIONS} connections: ${commitsPerSecond.triggerOn.join(", ")} commits/s with the trigger (NOTIFY), ${commitsPerSecond.triggerOff.join(", ")} without`);

  // What one queue read costs: the request every trader's cabinet sent every 2 s before.
  let reader = 0;
  const queueReads = await load(app, () => ({ method: "GET", path: "/api/cabinet/trader/queue", headers: { cookie: traders[reader++ % traders.length].cookie } }), Math.min(SECONDS, 10));
  console.log(`queue reads (GET /api/cabinet/trader/queue) at most: ${queueReads.requestsPerSecond} req/s, p50 ${queueReads.p50} ms, p99 ${queueReads.p99} ms`);

  // The streams have closed; the server's listener must let go of its database connection once
  // idle (the time is an upper bound when other runs came after the last stream closed).
  const closedAt = lastClosedAt;
  const giveUpAt = Math.max(closedAt + 60_000, performance.now() + 1_000);
  let listenerClosedAfterS: number | null = null;
  while (performance.now() < giveUpAt) {
    const { rows: backends } = await db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jivapay-order-listener'");
    if (backends.length === 0) {
      listenerClosedAfterS = round((performance.now() - closedAt) / 1000);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  console.log(listenerClosedAfterS === null ? "the listener connection was still open 60 s after every stream closed" : `listener connection closed within ${listenerClosedAfterS} s after the last stream (idle close 30 s)`);

  const mean = (runs: LoadResult[]) => round(runs.reduce((sum, m) => sum + m.requestsPerSecond, 0) / runs.length);
  const cost = {
    pollingRequestsPerSecond: round(TRADERS / (POLL_MS / 1000)),
    sse: {
      heartbeatWritesPerSecond: round(TRADERS / (HEARTBEAT_MS / 1000)),
      heartbeatBytesPerSecond: round((TRADERS / (HEARTBEAT_MS / 1000)) * ": heartbeat\n\n".length),
      // One statement per server process marks every trader with an open stream seen.
      presenceStatementsPerSecond: Math.round(1_000 / (SEEN_EVERY_MS / 1000)) / 1000,
      // Each stream ends after its lifetime (the session is checked again): a reconnect plus the queue read its `ready` asks for.
      reconnectRequestsPerSecond: round((2 * TRADERS) / (STREAM_LIFETIME_MS / 1000)),
    },
  };
  console.log(
    `cost at ${TRADERS} traders: polling every 2 s = ${cost.pollingRequestsPerSecond} queue reads/s; the stream = ${cost.sse.heartbeatWritesPerSecond} heartbeat writes/s (${cost.sse.heartbeatBytesPerSecond} B/s), ` +
      `${cost.sse.presenceStatementsPerSecond} presence statements/s, ${cost.sse.reconnectRequestsPerSecond} requests/s of reconnects and reads, plus one read per change`,
  );
  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    traders: TRADERS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    alternations: ALTERNATIONS,
    poolSize: POOL_SIZE,
    payinThroughput: {
      noListenersTriggerOn: mean(runs.triggerOn),
      noListenersTriggerOff: mean(runs.triggerOff),
      withListeners: mean(runs.withListeners),
      runs,
    },
    notifyCeiling: {
      what: `one-row updates of incoming_orders firing the trigger, straight to PostgreSQL, ${CONNECTIONS} connections, 5 s each`,
      commitsPerSecond,
    },
    eventDelayMs: { ...delay, arrivedBeforeAnswer: beforeAnswer, missing, atAnotherTrader: wrongTrader, target: { p95: 1000 } },
    streamsConnectSeconds: connectSeconds.map(round),
    queueReadCapacity: queueReads,
    listenerClosedAfterSeconds: listenerClosedAfterS,
    cost,
  };
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench/queue-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\npay-in throughput: ${results.payinThroughput.noListenersTriggerOff} req/s without the trigger, ${results.payinThroughput.noListenersTriggerOn} with it, ${results.payinThroughput.withListeners} with ${TRADERS} listeners`);
  console.log(`event delay p95 ${delay.p95} ms (target ≤ 1000 ms): ${delay.p95 <= 1000 && missing === 0 ? "met" : "NOT met"}`);
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await stopProcesses(children);
  for (const close of closers) await close().catch(() => undefined);
  process.on("uncaughtException", (error) => {
    if ((error as { code?: string }).code !== "57P01") throw error;
  });
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
