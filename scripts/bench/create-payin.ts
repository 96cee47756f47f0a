// npm run bench — throughput of the pay-in create+match hot path (lib/orders/create-payin,
// through Prisma) against the same transaction issued as bare SQL through `pg`, on the same
// throwaway PostgreSQL, in the same run. Prints orders/second for each and their ratio.
//   BENCH_ORDERS (default 1000) orders per round, BENCH_CONCURRENCY (8), BENCH_ROUNDS (2).
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
const TRADERS = 50; // 50 requisites × 100 open orders each hold every order of a round

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function runConcurrently(total: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const dataDir = path.join(ROOT, ".tmp", `bench-pg-${crypto.randomBytes(4).toString("hex")}`);
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true });
try {
  const url = server.url;
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_SIZE = String(CONCURRENCY);
  const { prisma } = await import("../../lib/db/client");
  const f = await import("../../lib/factories");
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

  // The same work as one engine call — insert, candidate query, lock, usage re-read, deposit
  // lock, hold with history, requisite and order update, order_history, audit, callback — as
  // bare SQL on one pg connection per transaction.
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  const bare = async (i: number) => {
    const client = await pool.connect();
    const a = amount();
    const id = f.newOrderId("payin");
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO incoming_orders (id, type, store_id, amount, original_amount, currency_id, customer_id, merchant_order_id, updated_at)
         VALUES ($1, 'payin', $2, $3, $3, $4, $5, $6, now())`,
        [id, store.id, a, currencies.RUB.id, `c${i % 500}`, `b-${sequence}-${i}`],
      );
      await client.query(`INSERT INTO audit_logs (actor_type, action, entity_type, entity_id) VALUES ('system', 'order.created', 'order', $1)`, [id]);
      await client.query(`SELECT id FROM incoming_orders WHERE id = $1 FOR UPDATE`, [id]);
      const { rows: candidates } = await client.query(
        `SELECT r.id, r.trader_id FROM req_trader r JOIN full_requisites_settings s ON s.req_id = r.id JOIN trader t ON t.id = r.trader_id
         JOIN users tu ON tu.id = t.user_id LEFT JOIN balance_trader_crypto b ON b.trader_id = t.id AND b.currency_id = $3
         WHERE r.status = 'active' AND s.currency_id = $1 AND s.min_amount <= $2 AND s.max_amount >= $2 AND t.is_active
           AND t.is_traffic_enabled_by_teamlead AND tu.is_active AND COALESCE(b.amount, 0) >= 1
           AND (SELECT count(*) FROM incoming_orders o WHERE o.requisite_id = r.id AND o.status IN ('awaiting_payment','assigned','paid','disputed')) < 100
           AND NOT EXISTS (SELECT 1 FROM incoming_orders o WHERE o.requisite_id = r.id AND o.status IN ('awaiting_payment','assigned','paid','disputed') AND o.amount = $2)
           AND (SELECT COALESCE(sum(o.amount), 0) FROM incoming_orders o WHERE o.requisite_id = r.id AND o.matched_at >= date_trunc('day', now())
                AND o.status IN ('awaiting_payment','assigned','paid','disputed','completed')) + $2 <= s.daily_limit
         ORDER BY t.traffic_priority DESC, r.last_used_at ASC NULLS FIRST, r.id LIMIT 20`,
        [currencies.RUB.id, a, currencies.USDT.id],
      );
      for (const candidate of candidates) {
        const { rowCount } = await client.query(`SELECT id FROM req_trader WHERE id = $1 FOR UPDATE SKIP LOCKED`, [candidate.id]);
        if (!rowCount) continue;
        await client.query(
          `SELECT count(*) FILTER (WHERE status IN ('awaiting_payment','assigned','paid','disputed')), array_agg(amount) FILTER (WHERE status IN ('awaiting_payment','assigned','paid','disputed')),
                  COALESCE(sum(amount) FILTER (WHERE matched_at >= date_trunc('day', now())), 0)
           FROM incoming_orders WHERE requisite_id = $1 AND (status IN ('awaiting_payment','assigned','paid','disputed') OR matched_at >= date_trunc('month', now()))`,
          [candidate.id],
        );
        await client.query(`SELECT amount FROM balance_trader_crypto WHERE trader_id = $1 AND currency_id = $2 FOR UPDATE`, [candidate.trader_id, currencies.USDT.id]);
        const u = (a * 10_000n * 10n) / 925n;
        await client.query(`UPDATE req_trader SET last_used_at = now() WHERE id = $1`, [candidate.id]);
        await client.query(`UPDATE incoming_orders SET status = 'awaiting_payment', requisite_id = $2, trader_id = $3, rate = 92.5, crypto_amount = $4, matched_at = now(), expires_at = now() + interval '15 minutes', updated_at = now() WHERE id = $1`, [id, candidate.id, candidate.trader_id, u]);
        const { rows } = await client.query(
          `UPDATE balance_trader_crypto SET amount = amount - $1, held = held + $1, updated_at = now() WHERE trader_id = $2 AND currency_id = $3 RETURNING id, amount, held`,
          [u, candidate.trader_id, currencies.USDT.id],
        );
        await client.query(
          `INSERT INTO balance_trader_crypto_history (balance_id, trader_id, currency_id, order_id, delta, held_delta, balance_after, held_after, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'payin_hold', now())`,
          [rows[0].id, candidate.trader_id, currencies.USDT.id, id, -u, u, rows[0].amount, rows[0].held],
        );
        await client.query(`INSERT INTO order_history (incoming_order_id, requisite_id, trader_id, rate, from_status, status) VALUES ($1, $2, $3, 92.5, 'created', 'awaiting_payment')`, [id, candidate.id, candidate.trader_id]);
        await client.query(`INSERT INTO audit_logs (actor_type, action, entity_type, entity_id) VALUES ('system', 'order.awaiting_payment', 'order', $1)`, [id]);
        const { rows: seq } = await client.query(`SELECT COALESCE(max(sequence), 0) + 1 AS n FROM callback_deliveries WHERE order_id = $1`, [id]);
        await client.query(
          `INSERT INTO callback_deliveries (webhook_id, order_id, store_id, sequence, event_type, payload) VALUES ($1, $2, $3, $4, 'payin.awaiting_payment', '{}')`,
          [webhookMessageId(), id, store.id, seq[0].n],
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

  // Warm up both paths (JIT, connection pools, plan caches), then alternate rounds.
  await runConcurrently(100, CONCURRENCY, engine);
  await runConcurrently(100, CONCURRENCY, bare);
  const results = { engine: [] as number[], bare: [] as number[] };
  for (let round = 1; round <= ROUNDS; round++) {
    results.bare.push(await runConcurrently(ORDERS, CONCURRENCY, bare));
    results.engine.push(await runConcurrently(ORDERS, CONCURRENCY, engine));
    console.log(`round ${round}: bare pg ${results.bare.at(-1)!.toFixed(0)} orders/s, engine ${results.engine.at(-1)!.toFixed(0)} orders/s`);
  }
  const best = (xs: number[]) => Math.max(...xs);
  const ratio = best(results.engine) / best(results.bare);
  console.log(`\npay-in create+match, ${ORDERS} orders × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, ${TRADERS} requisites`);
  console.log(`  bare SQL through pg:        ${best(results.bare).toFixed(0)} orders/s`);
  console.log(`  engine (Prisma, lib/orders): ${best(results.engine).toFixed(0)} orders/s`);
  console.log(`  ratio engine/bare:          ${ratio.toFixed(2)} (target ≥ 0.50)`);
  const violations = await checkLedger(prisma);
  console.log(`  ledger check after the run:  ${violations.length ? `${violations.length} violations` : "clean"}`);
  await pool.end();
  await prisma.$disconnect();
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
