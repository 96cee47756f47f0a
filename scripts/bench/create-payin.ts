// npm run bench — throughput of the pay-in create+match hot path (lib/orders/create-payin,
// through Prisma) against the same transaction issued as bare SQL through `pg`, on the same
// throwaway PostgreSQL, in the same run. Prints orders/second for each and their ratio.
//   BENCH_ORDERS (default 1000) orders per round and path, BENCH_CONCURRENCY (8), BENCH_ROUNDS (2).
// Within a round the two paths alternate in chunks of 100 orders (the one going first
// alternating too), so both meet the same amount of earlier orders and the same machine load.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate-engine";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CHUNK = 100;
// Every order stays open (awaiting payment); 100 per requisite are allowed, so the requisites
// must hold all of the run's orders: the warm-up and both paths of every round.
const TRADERS = Math.ceil((2 * CHUNK + 2 * ORDERS * ROUNDS) / 100 / 0.8);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs `total` tasks, `concurrency` at a time; returns the elapsed milliseconds. */
async function runConcurrently(total: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return performance.now() - started;
}

const dataDir = path.join(ROOT, ".tmp", `bench-pg-${crypto.randomBytes(4).toString("hex")}`);
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true });
// Closed before the server stops (below), so no idle connection is cut under a pool.
const closers: (() => Promise<unknown>)[] = [];
try {
  const url = server.url;
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY);
  const { prisma } = await import("../../lib/db/client");
  const f = await import("@/lib/testing");
  const { postMovements } = await import("../../lib/ledger/post-movements");
  const { createPayin } = await import("../../lib/orders/create-payin");
  const { checkLedger } = await import("../../lib/ledger/check-ledger");
  const { webhookMessageId } = await import("../../lib/ids/ulid");

  const currencies = await f.ensureCurrencies(prisma);
  await f.ensureDefaultSettings(prisma);
  await f.createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5" });
  for (const [key, value] of Object.entries({
    "fraud.max_open_orders_per_customer": 0,
    "fraud.max_orders_per_customer_per_hour": 0,
    "matching.max_open_orders_per_requisite": 100,
  })) {
    await prisma.configurationSetting.update({ where: { key }, data: { value } });
  }
  const store = await f.createStore(prisma);
  for (let i = 0; i < TRADERS; i++) {
    const trader = await f.createTrader(prisma);
    await prisma.$transaction((tx) =>
      postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 10n ** 15n, reason: "deposit_credit" }]),
    );
    await f.createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, dailyLimit: 10n ** 15n, maxAmount: 10n ** 12n });
  }

  let sequence = 0;
  const amount = () => BigInt(100_000 + sequence++); // distinct amounts: no same-amount collisions
  const engine = (i: number) =>
    createPayin(store, { amount: amount(), currency: "RUB", customerId: `c${i % 500}`, merchantOrderId: `e-${sequence}-${i}` }, { type: "system" });

  // The same transaction as one engine call, statement for statement — currencies, insert with
  // its audit row, rate, candidate query, requisite lock, usage with the deposit lock, order
  // update, hold with its history row, and order_history + audit + requisite touch + callback
  // in one statement — as bare SQL on one pg connection.
  const OPEN = ["awaiting_payment", "assigned", "paid", "disputed"];
  const COUNTED = [...OPEN, "completed"];
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  closers.push(() => pool.end(), () => prisma.$disconnect());
  const bare = async (i: number) => {
    const client = await pool.connect();
    const a = amount();
    const id = f.newOrderId("payin");
    const now = new Date();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    try {
      await client.query("BEGIN");
      await client.query(`SELECT id, code, name, kind::text, exponent, is_active, is_paused FROM currencies WHERE code = ANY($1) AND is_active`, [["RUB", "USDT"]]);
      await client.query(
        `WITH o AS (
           INSERT INTO incoming_orders (id, type, store_id, amount, original_amount, currency_id, customer_id, merchant_order_id,
                                        metadata, payment_method_id, destination, rate, crypto_amount, created_at, next_match_at, updated_at,
                                        store_commission)
           SELECT $1, 'payin', s.id, $3, $3, $4, $5, $6, NULL, NULL, NULL, NULL, NULL, $7, $7, $7, s.payin_commission
           FROM merchant_store s WHERE s.id = $2
           RETURNING id, type, status, store_id, trader_id, requisite_id, currency_id, amount, crypto_amount, rate::text AS rate, customer_id
         ), audit AS (
           INSERT INTO audit_logs (user_id, actor_type, action, entity_type, entity_id, old_values, new_values, ip, user_agent)
           VALUES (NULL, 'system', 'order.created', 'order', $1, NULL, $8::jsonb, NULL, NULL)
         )
         SELECT o.*, (SELECT code FROM currencies WHERE id = o.currency_id) AS currency_code FROM o`,
        [id, store.id, a, currencies.RUB.id, `c${i % 500}`, `b-${sequence}-${i}`, now, JSON.stringify({ status: "created", type: "payin", amount: String(a) })],
      );
      const { rows: rate } = await client.query(
        `SELECT rate FROM exchange_rates WHERE base_currency_id = $1 AND quote_currency_id = $2 ORDER BY created_at DESC LIMIT 1`,
        [currencies.RUB.id, currencies.USDT.id],
      );
      const u = (a * 10_000n * 10n) / 925n;
      const { rows: candidates } = await client.query(
        `SELECT r.id, r.trader_id, s.min_amount, s.max_amount, s.daily_limit, s.monthly_limit, s.daily_count_limit,
                json_build_object('type', r.type, 'details', r.details,
                                  'bank', CASE WHEN bk.id IS NULL THEN NULL ELSE json_build_object('name', bk.name) END) AS api_view
         FROM req_trader r
         JOIN full_requisites_settings s ON s.req_id = r.id
         LEFT JOIN banks bk ON bk.id = r.bank_id
         JOIN trader t ON t.id = r.trader_id
         JOIN users tu ON tu.id = t.user_id
         LEFT JOIN teamleads tl ON tl.id = t.team_lead_id
         LEFT JOIN users tlu ON tlu.id = tl.user_id
         LEFT JOIN balance_trader_crypto b ON b.trader_id = t.id AND b.currency_id = $3
         WHERE r.status = 'active' AND s.currency_id = $1 AND s.min_amount <= $2 AND s.max_amount >= $2 AND s.daily_limit >= $2
           AND t.is_active AND t.is_traffic_enabled_by_teamlead AND tu.is_active AND (t.team_lead_id IS NULL OR tlu.is_active)
           AND ($6::int IS NULL OR r.payment_method_id = $6::int)
           AND COALESCE(b.amount, 0) >= $4
           AND (SELECT count(*) FROM incoming_orders o WHERE o.requisite_id = r.id AND o.status = ANY($7::order_status[])) < 100
           AND NOT EXISTS (SELECT 1 FROM incoming_orders o WHERE o.requisite_id = r.id AND o.status = ANY($7::order_status[]) AND o.amount = $2)
           AND (SELECT COALESCE(sum(o.amount), 0) FROM incoming_orders o
                WHERE o.requisite_id = r.id AND o.matched_at >= $5 AND o.status = ANY($8::order_status[])) + $2 <= s.daily_limit
         ORDER BY t.traffic_priority DESC, r.last_used_at ASC NULLS FIRST, r.id LIMIT 20`,
        [currencies.RUB.id, a, currencies.USDT.id, u, dayStart, null, OPEN, COUNTED],
      );
      for (const candidate of candidates) {
        const { rowCount } = await client.query(`SELECT id FROM req_trader WHERE id = $1 AND status = 'active' FOR UPDATE SKIP LOCKED`, [candidate.id]);
        if (!rowCount) continue;
        await client.query(
          `WITH deposit AS (
             SELECT amount FROM balance_trader_crypto WHERE $6 AND trader_id = $7 AND currency_id = $8 FOR UPDATE
           )
           SELECT count(*) FILTER (WHERE status = ANY($2::order_status[]))::int AS open_count,
                  array_agg(amount) FILTER (WHERE status = ANY($2::order_status[])) AS open_amounts,
                  COALESCE(sum(amount) FILTER (WHERE matched_at >= $3 AND status = ANY($5::order_status[])), 0)::bigint AS used_today,
                  count(*) FILTER (WHERE matched_at >= $3 AND status = ANY($5::order_status[]))::int AS count_today,
                  COALESCE(sum(amount) FILTER (WHERE matched_at >= $4 AND status = ANY($5::order_status[])), 0)::bigint AS used_month,
                  (SELECT amount FROM deposit) AS deposit
           FROM incoming_orders
           WHERE requisite_id = $1 AND (status = ANY($2::order_status[]) OR matched_at >= $4)`,
          [candidate.id, OPEN, dayStart, monthStart, COUNTED, true, candidate.trader_id, currencies.USDT.id],
        );
        const { rows: updated } = await client.query(
          `UPDATE incoming_orders SET status = 'awaiting_payment', requisite_id = $2, trader_id = $3, amount = $4, rate = $5, crypto_amount = $6,
                  matched_at = $7, last_attempt_at = $7, next_match_at = NULL, expires_at = $8, updated_at = $7
           WHERE id = $1 RETURNING *`,
          [id, candidate.id, candidate.trader_id, a, rate[0].rate, u, now, new Date(now.getTime() + 900_000)],
        );
        await client.query(
          `WITH b AS (
             UPDATE balance_trader_crypto SET amount = amount + $1, held = held + $2, updated_at = now()
             WHERE trader_id = $3 AND currency_id = $4 RETURNING id, amount, held
           ), h AS (
             INSERT INTO balance_trader_crypto_history (balance_id, trader_id, currency_id, order_id, delta, held_delta, balance_after, held_after, reason, created_at)
             SELECT b.id, $3, $4, $5, $1, $2, b.amount, b.held, $6, $7 FROM b
           )
           SELECT id, amount, held FROM b`,
          [-u, u, candidate.trader_id, currencies.USDT.id, id, "payin_hold", now],
        );
        const payload = JSON.stringify({ type: "payin.awaiting_payment", data: { ...updated[0], requisite: candidate.api_view } }, (_k, v) => (typeof v === "bigint" ? String(v) : v));
        await client.query(
          `WITH history AS (
             INSERT INTO order_history (incoming_order_id, requisite_id, trader_id, rate, from_status, status, actor_user_id, actor_type, note,
                                        store_commission, store_commission_amount, trader_commission, trader_commission_amount, platform_profit)
             VALUES ($1, $2, $3, $4::numeric, 'created', 'awaiting_payment', NULL, 'system', NULL, NULL, NULL, NULL, NULL, NULL)
           ), audit AS (
             INSERT INTO audit_logs (user_id, actor_type, action, entity_type, entity_id, old_values, new_values, ip, user_agent)
             VALUES (NULL, 'system', 'order.awaiting_payment', 'order', $1, '{"status":"created"}', '{"status":"awaiting_payment"}', NULL, NULL)
           ), touched AS (UPDATE req_trader SET last_used_at = $5 WHERE id = $2)
           INSERT INTO callback_deliveries (webhook_id, order_id, store_id, sequence, event_type, payload)
           SELECT $6, $1, $7, COALESCE(max(sequence), 0) + 1, 'payin.awaiting_payment', $8::jsonb FROM callback_deliveries WHERE order_id = $1`,
          [id, candidate.id, candidate.trader_id, rate[0].rate, now, webhookMessageId(), store.id, payload],
        );
        break;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  };

  // Warm up both paths (JIT, connection pools, plan caches), then alternate in chunks.
  await runConcurrently(CHUNK, CONCURRENCY, engine);
  await runConcurrently(CHUNK, CONCURRENCY, bare);
  const results = { engine: [] as number[], bare: [] as number[] };
  for (let round = 1; round <= ROUNDS; round++) {
    const elapsed = { engine: 0, bare: 0 };
    for (let done = 0, turn = 0; done < ORDERS; done += CHUNK, turn++) {
      const size = Math.min(CHUNK, ORDERS - done);
      for (const path of turn % 2 ? (["engine", "bare"] as const) : (["bare", "engine"] as const)) {
        elapsed[path] += await runConcurrently(size, CONCURRENCY, path === "engine" ? engine : bare);
      }
    }
    results.bare.push(ORDERS / (elapsed.bare / 1000));
    results.engine.push(ORDERS / (elapsed.engine / 1000));
    console.log(`round ${round}: bare pg ${results.bare.at(-1)!.toFixed(0)} orders/s, engine ${results.engine.at(-1)!.toFixed(0)} orders/s`);
  }
  // Over all rounds: orders divided by the total time each path took.
  const overall = (xs: number[]) => xs.length / xs.reduce((sum, rate) => sum + 1 / rate, 0);
  const ratio = overall(results.engine) / overall(results.bare);
  console.log(`\npay-in create+match, ${ORDERS} orders × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, ${TRADERS} requisites`);
  console.log(`  bare SQL through pg:        ${overall(results.bare).toFixed(0)} orders/s`);
  console.log(`  engine (Prisma, lib/orders): ${overall(results.engine).toFixed(0)} orders/s`);
  console.log(`  ratio engine/bare:          ${ratio.toFixed(2)} (target ≥ 0.50)`);
  const violations = await checkLedger(prisma);
  console.log(`  ledger check after the run:  ${violations.length ? `${violations.length} violations` : "clean"}`);
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  for (const close of closers) await close().catch(() => undefined);
  // Stopping the server cuts whatever connection a pool still keeps (57P01): expected here.
  process.on("uncaughtException", (error) => {
    if ((error as { code?: string }).code !== "57P01") throw error;
  });
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
