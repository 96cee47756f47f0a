// npm run bench — the gateway over real HTTP against a baseline we did not design: a bare Node
// `http` + `pg` server (scripts/bench/bare-server.ts) doing the least each request needs, on the
// same PostgreSQL cluster (another database), at the same concurrency, in the same run.
//   1. One embedded PostgreSQL; the app's database is migrated and seeded with BENCH_TRADERS
//      traders × 5 requisites with large limits, a store and its key, every trader's API token,
//      rate limits and fraud caps raised; the bare database gets its four tables.
//   2. The production server (the standalone build `npm start` runs) and the bare server.
//   3. Scenarios, each side BENCH_SECONDS at BENCH_CONNECTIONS connections, the two sides
//      alternated BENCH_ALTERNATIONS times: pay-in create+match (unique Idempotency-Key and
//      merchant_order_id per request), then the trader's confirmation of the orders created.
//   4. Prints requests/s, p50/p95/p99 and the ratio app/baseline, writes bench/results.json,
//      and checks the app's ledger.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate-engine";
import { freePort, productionBuild, stopProcesses, waitFor } from "../processes";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ALTERNATIONS = Number(process.env.BENCH_ALTERNATIONS ?? 2);
const TRADERS = Number(process.env.BENCH_TRADERS ?? 200);
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
/** BENCH_PROFILE=1 (or =app, =bare, =app,bare): the server writes a V8 CPU profile (.cpuprofile) into bench/profiles/ when it stops. */
const PROFILED = new Set((process.env.BENCH_PROFILE ?? "").split(",").map((side) => (side.trim() === "1" ? "app" : side.trim())));
const PROFILE = PROFILED.has("app") || PROFILED.has("bare");
/** BENCH_SCENARIOS: which scenarios to run (comma-separated); all by default. */
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? "floor,payin,confirm,history").split(",").map((s) => s.trim()));
/** BENCH_HISTORY_ORDERS: the finished orders written before the scenarios on a large history. */
const SOCKET = process.env.BENCH_SOCKET === "1";
const HISTORY_ORDERS = Number(process.env.BENCH_HISTORY_ORDERS ?? 1_000_000);

const children: ChildProcess[] = [];
function startProcess(args: string[], env: Record<string, string>, cwd = ROOT): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  errors: number;
  /** Non-2xx answers by status, and connection errors as "socket". */
  statuses: Record<string, number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** One load run of `seconds`, or of `amount` requests when given: `next()` gives each request's path, headers and body. */
async function load(baseUrl: string, next: () => { path: string; headers: Record<string, string>; body?: string } | null, limit: { seconds?: number; amount?: number; method?: "GET" | "POST" } = {}): Promise<Measured> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const statuses: Record<string, number> = {};
  let finish!: (result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
  const instance = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    ...(limit.amount ? { amount: limit.amount } : { duration: limit.seconds ?? SECONDS }),
    requests: [
      {
        method: limit.method ?? "POST",
        setupRequest: (request) => {
          const spec = next();
          if (!spec) return null as unknown as typeof request; // nothing left: autocannon stops this connection
          return { ...request, path: spec.path, headers: { ...request.headers, ...spec.headers }, body: spec.body ?? "" };
        },
      },
    ],
  }, (error, result) => {
    if (error) throw error;
    finish(result);
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) {
      ok += 1;
      latencies.push(responseTime);
    } else {
      errors += 1;
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    }
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  if (result.errors) statuses.socket = result.errors + result.timeouts;
  return { requestsPerSecond: ok / result.duration, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), ok, errors: errors + result.errors, statuses };
}

/** A session cookie from next-auth's credentials sign-in (as the browser gets it). */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`could not sign in as ${email} (HTTP ${response.status})`);
  return [...jar, session].join("; ");
}

function combine(runs: Measured[]): Measured {
  const mean = (pick: (m: Measured) => number) => runs.reduce((sum, m) => sum + pick(m), 0) / runs.length;
  return {
    requestsPerSecond: mean((m) => m.requestsPerSecond),
    p50: mean((m) => m.p50),
    p95: mean((m) => m.p95),
    p99: mean((m) => m.p99),
    ok: runs.reduce((sum, m) => sum + m.ok, 0),
    errors: runs.reduce((sum, m) => sum + m.errors, 0),
    statuses: runs.reduce<Record<string, number>>((all, m) => {
      for (const [status, n] of Object.entries(m.statuses)) all[status] = (all[status] ?? 0) + n;
      return all;
    }, {}),
  };
}

const dataDir = path.join(ROOT, ".tmp", `bench-http-${crypto.randomBytes(4).toString("hex")}`);
// pg_stat_statements: how many statements a request costs and which take the time.
// BENCH_EXPLAIN=<ms>: auto_explain logs the plan of every statement slower than that (printed at the end).
const EXPLAIN_MS = process.env.BENCH_EXPLAIN;
const explained: string[] = [];
const server = await startEmbeddedPostgres({
  dataDir,
  port: await freePort(),
  quiet: true,
  settings: {
    ...(SOCKET ? { unix_socket_directories: dataDir } : {}),
    shared_preload_libraries: EXPLAIN_MS ? "pg_stat_statements,auto_explain" : "pg_stat_statements",
    "pg_stat_statements.track": "all",
    ...(EXPLAIN_MS
      ? { "auto_explain.log_min_duration": EXPLAIN_MS, "auto_explain.log_analyze": "on" }
      : {}),
  },
  onLog: EXPLAIN_MS ? (message) => void (explained.length < 400 && explained.push(message)) : undefined,
});
const closers: (() => Promise<unknown>)[] = [];
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE jivapay_bench");
  await admin.query("CREATE DATABASE bare_bench");
  await admin.end();
  // BENCH_SOCKET=1: both servers reach PostgreSQL through its Unix socket instead of TCP on 127.0.0.1.
  const viaSocket = (url: string) => (SOCKET ? `${url}?host=${encodeURIComponent(dataDir)}` : url);
  const appUrl = viaSocket(Object.assign(new URL(server.url), { pathname: "/jivapay_bench" }).toString());
  const bareUrl = viaSocket(Object.assign(new URL(server.url), { pathname: "/bare_bench" }).toString());

  // The app's database: as an operator would have it after setting up traders and a store.
  await applyMigrations(appUrl);
  process.env.DATABASE_URL = appUrl;
  const { prisma } = await import("../../lib/db/client");
  closers.push(() => prisma.$disconnect());
  const f = await import("@/lib/testing");
  const { postMovements } = await import("../../lib/ledger/post-movements");
  const { checkLedger } = await import("../../lib/ledger/check-ledger");
  const currencies = await f.ensureCurrencies(prisma);
  await f.ensurePaymentMethods(prisma);
  await f.ensureBanks(prisma);
  await f.ensureDefaultSettings(prisma);
  await f.createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  for (const [key, value] of Object.entries({
    "fraud.max_open_orders_per_customer": 0,
    "fraud.max_orders_per_customer_per_hour": 0,
    "matching.max_open_orders_per_requisite": 100, // the most the setting allows
    "rate_limit.per_api_key_per_minute": 1_000_000,
    "rate_limit.per_ip_per_minute": 1_000_000,
  })) {
    await prisma.configurationSetting.update({ where: { key }, data: { value } });
  }
  const store = await f.createStore(prisma);
  const { key: merchantKey } = await f.createMerchantApiKey(prisma, { storeId: store.id });
  const traderTokens = new Map<number, string>();
  for (let i = 0; i < TRADERS; i++) {
    const trader = await f.createTrader(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 10n ** 15n, reason: "deposit_credit" }]),
    );
    for (let r = 0; r < 5; r++) {
      await f.createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, dailyLimit: 10n ** 15n, monthlyLimit: 10n ** 16n, maxAmount: 10n ** 12n });
    }
    traderTokens.set(trader.id, (await f.createTraderApiToken(prisma, { traderId: trader.id })).token);
  }
  // Planner statistics, as autovacuum keeps them on a live database (freshly filled tables have none).
  await prisma.$executeRawUnsafe("ANALYZE");
  console.log(`seeded ${TRADERS} traders × 5 requisites, one store`);

  const bareEnv = { BARE_DATABASE_URL: bareUrl, BARE_REQUISITES: String(TRADERS * 5), BARE_POOL_SIZE: String(POOL_SIZE) };
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  await new Promise<void>((resolve, reject) =>
    startProcess([tsx, "scripts/bench/bare-server.ts", "--schema"], bareEnv).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bare schema: exit ${code}`)))),
  );

  const standalone = await productionBuild(DIST_DIR);
  const [appPort, barePort] = [await freePort(), await freePort()];
  const profileDir = path.join(ROOT, "bench/profiles");
  if (PROFILE) fs.mkdirSync(profileDir, { recursive: true });
  const profileArgs = (side: string) => (PROFILED.has(side) ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  startProcess([...profileArgs("app"), path.join(standalone, "server.js")], {
    NODE_ENV: "production",
    DATABASE_URL: appUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    PORT: String(appPort),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    JIVAPAY_ENV_CHECKED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  }, standalone);
  startProcess([...profileArgs("bare"), "--import", "tsx", "scripts/bench/bare-server.ts"], { ...bareEnv, PORT: String(barePort) });
  const app = `http://127.0.0.1:${appPort}`;
  const bare = `http://127.0.0.1:${barePort}`;
  await Promise.all([waitFor(`${app}/api/health`), waitFor(`${bare}/`)]);

  let sequence = 0;
  type RequestSpec = { path: string; headers: Record<string, string>; body?: string };
  const payinRequest = (side: "app" | "bare") => (): RequestSpec => {
    sequence += 1;
    const body = JSON.stringify({ amount: 100_000 + (sequence % 900_000), currency: "RUB", customer_id: `c${sequence % 5000}`, merchant_order_id: `${side}-${sequence}` });
    return side === "app"
      ? { path: "/api/v1/payin", headers: { authorization: `Bearer ${merchantKey}`, "content-type": "application/json", "idempotency-key": `k-${sequence}` }, body }
      : { path: "/payin", headers: { "content-type": "application/json" }, body };
  };

  // Warm-up: JIT, pools, plan caches, Next's route bundles.
  await load(app, payinRequest("app"), { seconds: 3 });
  await load(bare, payinRequest("bare"), { seconds: 3 });

  const results: Record<string, { app: Measured[]; bare: Measured[] }> = {};
  /** One scenario, each side ALTERNATIONS times, the order of the sides alternating. */
  const alternate = async (scenario: string, label: string, run: (side: "app" | "bare", round: number) => Promise<Measured>) => {
    results[scenario] = { app: [], bare: [] };
    for (let round = 0; round < ALTERNATIONS; round++) {
      for (const side of round % 2 ? (["app", "bare"] as const) : (["bare", "app"] as const)) {
        const measured = await run(side, round);
        results[scenario][side].push(measured);
        console.log(`${label} ${side.padEnd(4)} ${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms${measured.errors ? `, errors ${JSON.stringify(measured.statuses)}` : ""}`);
      }
    }
  };
  const requestsOf = (scenario: string) => ({
    app: results[scenario].app.reduce((n, m) => n + m.ok + m.errors, 0),
    bare: results[scenario].bare.reduce((n, m) => n + m.ok + m.errors, 0),
  });
  const stats = new pg.Client({ connectionString: appUrl });
  await stats.connect();
  closers.push(() => stats.end());
  await stats.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  /** Per scenario: the statements each request sent (round trips, BEGIN and COMMIT included) and its database time. */
  const roundTrips: Record<string, { app: number; bare: number; appDatabaseMs: number; bareDatabaseMs: number }> = {};
  /**
   * Statements per request in each database since the last reset: the ones the server sent
   * (top level: its round trips) and the database time; then the app's costliest statements.
   */
  const statementReport = async (requests: { app: number; bare: number }, title: string, scenario: string) => {
    const { rows } = await stats.query<{ datname: string; calls: string; ms: string }>(
      `SELECT d.datname, sum(s.calls)::bigint AS calls, round(sum(s.total_exec_time)::numeric, 0) AS ms
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname IN ('jivapay_bench', 'bare_bench') AND s.toplevel GROUP BY d.datname`,
    );
    const of = (name: string) => rows.find((r) => r.datname === name);
    const perRequest = (name: string, n: number) => (n ? Number(of(name)?.calls ?? 0) / n : NaN);
    roundTrips[scenario] = {
      app: perRequest("jivapay_bench", requests.app),
      bare: perRequest("bare_bench", requests.bare),
      appDatabaseMs: Number(of("jivapay_bench")?.ms ?? 0) / Math.max(1, requests.app),
      bareDatabaseMs: Number(of("bare_bench")?.ms ?? 0) / Math.max(1, requests.bare),
    };
    const r = roundTrips[scenario];
    console.log(
      `${title}: round trips per request app ${r.app.toFixed(1)}, bare ${r.bare.toFixed(1)}; database time per request app ${r.appDatabaseMs.toFixed(1)} ms, bare ${r.bareDatabaseMs.toFixed(1)} ms`,
    );
    const top = await stats.query<{ calls: string; mean: string; total: string; query: string }>(
      `SELECT s.calls, round(s.mean_exec_time::numeric, 2) AS mean, round(s.total_exec_time::numeric, 0) AS total, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 110) AS query
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'jivapay_bench' ORDER BY s.total_exec_time DESC LIMIT 8`,
    );
    for (const row of top.rows) console.log(`  ${row.total.padStart(7)} ms ${row.calls.padStart(7)} × ${row.mean.padStart(6)} ms  ${row.query}`);
    if (process.env.BENCH_STATEMENTS === "1") {
      const all = await stats.query<{ calls: string; query: string }>(
        `SELECT s.calls, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 140) AS query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
         WHERE d.datname = 'jivapay_bench' ORDER BY s.calls DESC LIMIT 60`,
      );
      for (const row of all.rows) console.log(`  ${row.calls.padStart(7)} ×  ${row.query}`);
    }
  };

  // The floor: what serving any request costs each server, with no database work (the app's
  // /api/health against the bare server's /health).
  if (SCENARIOS.has("floor")) {
    await alternate("floor", "floor", (side) => load(side === "app" ? app : bare, () => ({ path: side === "app" ? "/api/health" : "/health", headers: {} }), { method: "GET" }));
  }

  await stats.query("SELECT pg_stat_statements_reset()");
  if (SCENARIOS.has("payin") || SCENARIOS.has("confirm")) {
    await alternate("payin", "pay-in", (side) => load(side === "app" ? app : bare, payinRequest(side)));
    await statementReport(requestsOf("payin"), "pay-in", "payin");
  }
  await stats.query("SELECT pg_stat_statements_reset()");

  // Confirmations of the orders just created: the app's through the trader API (each with its
  // trader's token), the bare ones through its /confirm.
  if (SCENARIOS.has("confirm")) {
    await stats.query("SELECT pg_stat_statements_reset()");
    const appOrders = (await prisma.incomingOrder.findMany({ where: { status: "awaiting_payment" }, select: { id: true, traderId: true } })).map((o) => ({
      path: `/api/v1/trader/orders/${o.id}/confirm`,
      headers: { authorization: `Bearer ${traderTokens.get(o.traderId!)}` },
    }));
    const bareClient = new pg.Client({ connectionString: bareUrl });
    await bareClient.connect();
    const bareOrders = (await bareClient.query<{ id: string }>("SELECT id FROM orders WHERE status = 'awaiting_payment'")).rows.map((o) => ({ path: `/confirm/${o.id}`, headers: {} }));
    await bareClient.end();
    const perRun = Math.floor(Math.min(appOrders.length, bareOrders.length) / ALTERNATIONS);
    await alternate("confirm", "confirm", (side, round) => {
      const queue = (side === "app" ? appOrders : bareOrders).slice(round * perRun, (round + 1) * perRun);
      return load(side === "app" ? app : bare, () => queue.shift() ?? null, { amount: queue.length });
    });
    await statementReport(requestsOf("confirm"), "confirm", "confirm");
  }

  // A large history: HISTORY_ORDERS finished orders of the store over 90 days (with their
  // history and ledger rows; the bare database gets as many orders), then pay-ins again, the
  // API's order list and the merchant's orders page.
  if (SCENARIOS.has("history")) {
    const started = Date.now();
    const { seedLargeHistory } = await import("../../prisma/seed-large");
    await seedLargeHistory(appUrl, { orders: HISTORY_ORDERS, days: 90, log: () => {}, world: { demo: false, storeIds: [store.id] } });
    await new Promise<void>((resolve, reject) =>
      startProcess([tsx, "scripts/bench/bare-server.ts", "--history", String(HISTORY_ORDERS)], bareEnv).on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`bare history: exit ${code}`)),
      ),
    );
    console.log(`wrote ${HISTORY_ORDERS.toLocaleString("en")} orders of history to each database in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    await stats.query("SELECT pg_stat_statements_reset()");
    await alternate("payin_history", "pay-in, large history", (side) => load(side === "app" ? app : bare, payinRequest(side)));
    await statementReport(requestsOf("payin_history"), "pay-in, large history", "payin_history");
    await alternate("orders_list", "order list", (side) =>
      load(side === "app" ? app : bare, (): RequestSpec => (side === "app" ? { path: "/api/v1/orders?limit=50", headers: { authorization: `Bearer ${merchantKey}` } } : { path: "/orders", headers: {} }), { method: "GET" }),
    );

    // The merchant's orders page (server-rendered, signed in): no bare counterpart, so app only.
    const owner = await prisma.user.findUniqueOrThrow({ where: { id: store.userId }, select: { email: true } });
    const cookie = await signIn(app, owner.email, f.DEFAULT_TEST_PASSWORD);
    const page = await load(app, () => ({ path: "/merchant/orders", headers: { cookie } }), { method: "GET" });
    results.orders_page = { app: [page], bare: [] };
    console.log(`orders page app ${page.requestsPerSecond.toFixed(0)} req/s, p50 ${page.p50} ms, p99 ${page.p99} ms${page.errors ? `, errors ${JSON.stringify(page.statuses)}` : ""}`);
  }

  const summary = Object.fromEntries(
    Object.entries(results).map(([scenario, sides]) => {
      const [a, b] = [combine(sides.app), sides.bare.length ? combine(sides.bare) : null];
      return [scenario, { app: a, bare: b, ratio: b ? a.requestsPerSecond / b.requestsPerSecond : null, ...(roundTrips[scenario] ? { roundTrips: roundTrips[scenario] } : {}) }];
    }),
  );
  console.log(`\n${os.cpus().length} × ${os.cpus()[0]?.model}, ${CONNECTIONS} connections, ${SECONDS} s × ${ALTERNATIONS} per side, pool ${POOL_SIZE}`);
  console.log("scenario       side  req/s    p50    p95    p99   errors");
  for (const [scenario, { app: a, bare: b, ratio }] of Object.entries(summary)) {
    for (const [side, m] of [["bare", b], ["app", a]] as const) {
      if (!m) continue;
      console.log(`${scenario.padEnd(14)} ${side.padEnd(5)} ${m.requestsPerSecond.toFixed(0).padStart(5)} ${m.p50.toFixed(0).padStart(6)} ${m.p95.toFixed(0).padStart(6)} ${m.p99.toFixed(0).padStart(6)} ${String(m.errors).padStart(8)}`);
    }
    if (ratio !== null) console.log(`${scenario.padEnd(14)} ratio app/bare ${ratio.toFixed(2)}`);
  }
  const violations = await checkLedger(prisma);
  console.log(`ledger check: ${violations.length ? `${violations.length} violations` : "clean"}`);
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, "bench/results.json"),
    `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) }, connections: CONNECTIONS, seconds: SECONDS, alternations: ALTERNATIONS, traders: TRADERS, poolSize: POOL_SIZE, results: summary, ledger: violations.length ? "violations" : "clean" }, null, 2)}\n`,
  );
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await stopProcesses(children);
  for (const close of closers) await close().catch(() => undefined);
  process.on("uncaughtException", (error) => {
    if ((error as { code?: string }).code !== "57P01") throw error;
  });
  if (EXPLAIN_MS) console.log(`\nplans slower than ${EXPLAIN_MS} ms (auto_explain), the first ones:\n${explained.join("").split("\n").slice(0, 200).join("\n")}`);
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
