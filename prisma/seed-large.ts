// `npm run db:seed:large`: a large order history for measuring the cabinets — LARGE_ORDERS
// (default 1,000,000) finished orders spread over the last LARGE_DAYS (90) days, on top of the
// demo seed (applied first if the database is empty), with 20 more traders in the demo team.
// Completed orders carry their exact ledger movements (store, trader deposit and platform,
// each with its history row and balance_after), so `npm run ledger:check` stays clean;
// daily_metrics is refreshed at the end. Rows are written in batches through `pg`.
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createRequisite, createTrader, creditTraderDeposit, seededRandom, testCardNumber } from "@/lib/testing";
import { fiatToCrypto } from "@/lib/money/convert";
import { splitPayin, splitPayout } from "@/lib/money/commissions";
import { newOrderId } from "@/lib/ids/ulid";
import { seedDemoData } from "./seed";

const ORDERS = Number(process.env.LARGE_ORDERS ?? 1_000_000);
const DAYS = Number(process.env.LARGE_DAYS ?? 90);
if (!Number.isInteger(ORDERS) || ORDERS < 1 || !Number.isInteger(DAYS) || DAYS < 1) throw new Error("LARGE_ORDERS and LARGE_DAYS must be positive integers");
const BATCH = 20_000;
const EXTRA_TRADERS = 20;
const TOP_UP = 10_000_000_000n; // 10,000 USDT
const DAY = 24 * 3600 * 1000;

interface TraderRef {
  id: number;
  payinReward: string;
  payoutReward: string;
  requisites: number[];
}
interface StoreRef {
  id: number;
  payinCommission: string;
  payoutCommission: string;
}
type AccountKind = "store" | "trader_crypto" | "platform";
interface Account {
  table: string;
  historyTable: string;
  ownerColumn: string | null;
  ownerId: number | null;
  balanceId: number;
  amount: bigint;
  /** Held funds stay as they are: generated orders are all finished. */
  held: bigint;
}

/** Ensures the extra traders of the demo team (idempotent by email), each with a deposit and two cards. */
async function ensureExtraTraders(prisma: PrismaClient, rubId: number, usdtId: number) {
  const teamlead = await prisma.teamlead.findFirstOrThrow({ where: { user: { email: "teamlead@jivapay.dev" } } });
  const bank = await prisma.bank.findFirstOrThrow();
  for (let i = 1; i <= EXTRA_TRADERS; i++) {
    const email = `trader${String(i).padStart(2, "0")}@large.jivapay.dev`;
    if (await prisma.user.findUnique({ where: { email } })) continue;
    await prisma.$transaction(async (tx) => {
      const trader = await createTrader(tx, { email, teamLeadId: teamlead.id, name: `Large Trader ${i}` });
      await creditTraderDeposit(tx, { traderId: trader.id, currencyId: usdtId, amount: 50_000_000_000n });
      for (let r = 0; r < 2; r++) {
        await createRequisite(tx, {
          traderId: trader.id,
          currencyId: rubId,
          bankId: bank.id,
          details: { number: testCardNumber(50_000 + i * 10 + r), holder: `LARGE TRADER ${i}` },
          minAmount: 10_000n,
          maxAmount: 10_000_000n,
          dailyLimit: 100_000_000_000n,
        });
      }
    });
  }
}

/** Column `index` of every row, as pg array parameters (bigints as strings). */
const column = (rows: unknown[][], index: number) => rows.map((row) => (typeof row[index] === "bigint" ? String(row[index]) : row[index]));
const columns = (rows: unknown[][], count: number) => Array.from({ length: count }, (_, i) => column(rows, i));

function insertOrders(db: pg.Client, orders: unknown[][]) {
  return db.query(
    `INSERT INTO incoming_orders (id, type, store_id, amount, original_amount, currency_id, customer_id, merchant_order_id, status,
                                  requisite_id, trader_id, rate, crypto_amount, destination, matched_at, completed_at, failure_reason,
                                  created_at, updated_at, store_commission, trader_reward, ended_at)
     SELECT id, type::order_type, store_id, amount, amount, currency_id, customer_id, merchant_order_id, status::order_status,
            requisite_id, trader_id, rate, crypto_amount, destination, matched_at, completed_at, failure_reason, created_at, updated_at,
            store_commission, trader_reward, CASE WHEN status IN ('expired', 'cancelled', 'failed') THEN updated_at END
     FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[],
                 $11::numeric[], $12::bigint[], $13::jsonb[], $14::timestamptz[], $15::timestamptz[], $16::text[], $17::timestamptz[], $18::timestamptz[],
                 $19::numeric[], $20::numeric[])
          AS t(id, type, store_id, amount, currency_id, customer_id, merchant_order_id, status, requisite_id, trader_id, rate, crypto_amount,
               destination, matched_at, completed_at, failure_reason, created_at, updated_at, store_commission, trader_reward)`,
    columns(orders, 20),
  );
}

function insertHistory(db: pg.Client, history: unknown[][]) {
  return db.query(
    `INSERT INTO order_history (incoming_order_id, requisite_id, trader_id, rate, from_status, status, store_commission,
                                store_commission_amount, trader_commission, trader_commission_amount, platform_profit, processed_at)
     SELECT o, r, t, rate, f::order_status, s::order_status, sc, sca, tc, tca, p, at
     FROM unnest($1::text[], $2::int[], $3::int[], $4::numeric[], $5::text[], $6::text[], $7::numeric[], $8::bigint[], $9::numeric[],
                 $10::bigint[], $11::bigint[], $12::timestamptz[]) AS x(o, r, t, rate, f, s, sc, sca, tc, tca, p, at)`,
    columns(history, 12),
  );
}

/** A batch's ledger history rows and the balances they end at, in one transaction. */
async function insertLedger(
  db: pg.Client,
  movements: Map<string, { account: Account; rows: unknown[][] }>,
  balances: (readonly [string, string, number])[],
  usdtId: number,
) {
  await db.query("BEGIN");
  for (const [key, { account, rows }] of movements) {
    const [historyTable, balanceColumn] = key.split(":");
    const owner = account.ownerColumn ? `${account.ownerColumn}, ` : "";
    await db.query(
      `INSERT INTO ${historyTable} (${balanceColumn}, ${owner}currency_id, order_id, delta, held_delta, balance_after, held_after, reason, created_at)
       SELECT b, ${account.ownerColumn ? "w, " : ""}$9, o, d, 0, a, h, r, at
       FROM unnest($1::int[], $2::int[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::timestamptz[]) AS x(b, w, o, d, a, h, r, at)`,
      [...columns(rows, 8), usdtId],
    );
  }
  for (const [table, amount, id] of balances) await db.query(`UPDATE ${table} SET amount = $1, updated_at = now() WHERE id = $2`, [amount, id]);
  await db.query("COMMIT");
}

interface CurrencyRef {
  id: number;
  exponent: number;
}
/** What the generated orders are drawn from: the demo data plus the extra traders. */
interface References {
  rub: CurrencyRef;
  usdt: CurrencyRef;
  stores: StoreRef[];
  traders: TraderRef[];
}

/** Seeds the demo data when the database is empty, adds the extra traders, and reads what orders are drawn from. */
/** Whose history: the demo world (seeded first when missing, plus the extra traders), or the stores given, on the traders already there. */
export type HistoryWorld = { demo: true } | { demo: false; storeIds: number[] };

async function prepareReferences(prisma: PrismaClient, world: HistoryWorld): Promise<References> {
  if (world.demo) await seedDemoData(prisma);
  const currencies = await prisma.currency.findMany({ where: { code: { in: ["RUB", "USDT"] } } });
  const rub = currencies.find((c) => c.code === "RUB")!;
  const usdt = currencies.find((c) => c.code === "USDT")!;
  if (world.demo) await ensureExtraTraders(prisma, rub.id, usdt.id);

  // Live stores and real traders only: sandbox orders go to the simulated trader alone, and earn the platform nothing.
  const stores: StoreRef[] = (await prisma.merchantStore.findMany({ where: { isActive: true, isSandbox: false, ...(world.demo ? {} : { id: { in: world.storeIds } }) } })).map((s) => ({
    id: s.id,
    payinCommission: s.payinCommission.toString(),
    payoutCommission: s.payoutCommission.toString(),
  }));
  const traders: TraderRef[] = (
    await prisma.trader.findMany({ where: { isActive: true, isSandbox: false }, include: { requisites: { select: { id: true } } } })
  )
    .filter((t) => t.requisites.length > 0)
    .map((t) => ({ id: t.id, payinReward: t.payinReward.toString(), payoutReward: t.payoutReward.toString(), requisites: t.requisites.map((r) => r.id) }));
  return { rub, usdt, stores, traders };
}

/** The USDT balance row of one account (created empty when missing), with the tables its history goes to. */
async function loadAccount(db: pg.Client, kind: AccountKind, ownerId: number | null, usdtId: number): Promise<Account> {
  const [table, historyTable, ownerColumn, historyBalance] =
    kind === "store"
      ? ["balance_store", "balance_store_history", "store_id", "balance_store_id"]
      : kind === "trader_crypto"
        ? ["balance_trader_crypto", "balance_trader_crypto_history", "trader_id", "balance_id"]
        : ["balance_platform", "balance_platform_history", null, "balance_id"];
  const keyColumns = ownerColumn ? `${ownerColumn}, currency_id` : "currency_id";
  const keyValues = ownerColumn ? [ownerId, usdtId] : [usdtId];
  await db.query(
    `INSERT INTO ${table} (${keyColumns}, amount, held, updated_at) VALUES (${keyValues.map((_, i) => `$${i + 1}`).join(", ")}, 0, 0, now())
     ON CONFLICT (${keyColumns}) DO NOTHING`,
    keyValues,
  );
  const where = ownerColumn ? `${ownerColumn} = $1 AND currency_id = $2` : "currency_id = $1";
  const { rows } = await db.query(`SELECT id, amount, held FROM ${table} WHERE ${where}`, keyValues);
  return {
    table,
    historyTable: `${historyTable}:${historyBalance}`,
    ownerColumn,
    ownerId,
    balanceId: rows[0].id,
    amount: BigInt(rows[0].amount),
    held: BigInt(rows[0].held),
  };
}

/**
 * The balances the generated movements continue from (history chains are ordered by id), each
 * read once and then kept in memory as movements change it.
 */
function accountBook(db: pg.Client, usdtId: number) {
  const accounts = new Map<string, Account>();
  return {
    async account(kind: AccountKind, ownerId: number | null): Promise<Account> {
      const key = `${kind}:${ownerId}`;
      const known = accounts.get(key);
      if (known) return known;
      const created = await loadAccount(db, kind, ownerId, usdtId);
      accounts.set(key, created);
      return created;
    },
    /** Every account's table, amount and row id, for the UPDATE at the end of a batch. */
    balances: () => [...accounts.values()].map((acc) => [acc.table, String(acc.amount), acc.balanceId] as const),
  };
}
type AccountBook = ReturnType<typeof accountBook>;
type Movements = Map<string, { account: Account; rows: unknown[][] }>;

/** One batch's rows, written together: orders, their history, and the ledger movements by history table. */
function newBatch(book: AccountBook) {
  const orders: unknown[][] = [];
  const history: unknown[][] = [];
  const movements: Movements = new Map();
  const move = async (kind: AccountKind, ownerId: number | null, orderId: string | null, delta: bigint, reason: string, at: Date) => {
    const acc = await book.account(kind, ownerId);
    acc.amount += delta;
    if (acc.amount < 0n) throw new Error(`${kind} ${ownerId} would go negative`);
    const entry = movements.get(acc.historyTable) ?? { account: acc, rows: [] };
    entry.rows.push([acc.balanceId, acc.ownerId, orderId, delta, acc.amount, acc.held, reason, at]);
    movements.set(acc.historyTable, entry);
  };
  return { orders, history, movements, move };
}
type Batch = ReturnType<typeof newBatch>;

/** What every generated order shares: the references, the balances, the generator and the period. */
interface Generation {
  refs: References;
  book: AccountBook;
  rng: ReturnType<typeof seededRandom>;
  start: number;
  step: number;
}

const RATE = "92.5";

type FinalStatus = "completed" | "expired" | "cancelled" | "failed";
interface DrawnOrder {
  /** The order's place in the whole history (its time slot, and its payout card). */
  index: number;
  id: string;
  type: "payin" | "payout";
  status: FinalStatus;
  store: StoreRef;
  trader: TraderRef;
  requisite: number;
  amount: bigint;
  /** The amount in USDT. */
  u: bigint;
  payoutSplit: ReturnType<typeof splitPayout>;
  matched: boolean;
  created: Date;
  finished: Date;
  customerId: string;
}

/** A finished order's outcome: most pay-ins complete or expire, most payouts complete. */
function drawStatus(type: DrawnOrder["type"], outcome: number): FinalStatus {
  if (type === "payin") return outcome < 0.72 ? "completed" : outcome < 0.87 ? "expired" : outcome < 0.92 ? "cancelled" : "failed";
  return outcome < 0.85 ? "completed" : outcome < 0.95 ? "failed" : "cancelled";
}

/**
 * One order's random draws, in the order the seeded generator makes them. A payout the store's
 * balance cannot cover becomes a pay-in.
 */
async function drawOrder(gen: Generation, index: number): Promise<DrawnOrder> {
  const { refs, rng } = gen;
  const created = new Date(gen.start + index * gen.step + rng.next() * gen.step);
  const store = rng.pick(refs.stores);
  const trader = rng.pick(refs.traders);
  const requisite = rng.pick(trader.requisites);
  const amount = BigInt(50_000 + Math.floor(rng.next() * 4_950_000)); // 500 … 50,000 RUB
  const u = fiatToCrypto(amount, refs.rub.exponent, RATE, refs.usdt.exponent, "half_up");
  const roll = rng.next();
  let type: DrawnOrder["type"] = roll < 0.8 ? "payin" : "payout";
  const storeAccount = await gen.book.account("store", store.id);
  const payoutSplit = splitPayout(u, store.payoutCommission, trader.payoutReward);
  if (type === "payout" && storeAccount.amount < payoutSplit.storeDebit) type = "payin";
  const status = drawStatus(type, rng.next());
  const minutes = 2 + Math.floor(rng.next() * 25);
  const finished = new Date(created.getTime() + minutes * 60_000);
  const customerId = `cust-${Math.floor(rng.next() * 50_000)}`;
  const id = newOrderId(type, created);
  return { index, id, type, status, store, trader, requisite, amount, u, payoutSplit, matched: status !== "failed", created, finished, customerId };
}

interface CommissionSnapshot {
  s: string | null;
  sAmount: bigint | null;
  t: string | null;
  tAmount: bigint | null;
  profit: bigint | null;
}

/** A completed order's ledger movements (store, trader deposit, platform), and the commissions its history row records. */
async function settleCompleted(gen: Generation, move: Batch["move"], order: DrawnOrder): Promise<CommissionSnapshot> {
  const { id, store, trader, u, payoutSplit, created, finished } = order;
  if (order.type === "payin") {
    const split = splitPayin(u, store.payinCommission, trader.payinReward);
    // Traders top their deposit up when it runs low, as real ones do.
    if ((await gen.book.account("trader_crypto", trader.id)).amount < u) await move("trader_crypto", trader.id, null, TOP_UP + u, "deposit_credit", created);
    await move("trader_crypto", trader.id, id, split.traderReward - u, "payin_complete", finished);
    await move("store", store.id, id, split.storeCredit, "payin_complete", finished);
    await move("platform", null, id, split.platformProfit, "payin_profit", finished);
    return { s: store.payinCommission, sAmount: split.storeCommissionAmount, t: trader.payinReward, tAmount: split.traderReward, profit: split.platformProfit };
  }
  await move("store", store.id, id, -payoutSplit.storeDebit, "payout_complete", finished);
  await move("trader_crypto", trader.id, id, payoutSplit.traderCredit, "payout_complete", finished);
  await move("platform", null, id, payoutSplit.platformProfit, "payout_profit", finished);
  return { s: store.payoutCommission, sAmount: payoutSplit.storeCommissionAmount, t: trader.payoutReward, tAmount: payoutSplit.traderReward, profit: payoutSplit.platformProfit };
}

/** The incoming_orders row, in the column order of `insertOrders`. */
function orderRow(order: DrawnOrder, rubId: number): unknown[] {
  const { id, type, store, trader, status, matched, created, finished } = order;
  return [
    id, type, store.id, order.amount, rubId, order.customerId, `large-${id}`, status,
    matched ? order.requisite : null, matched ? trader.id : null, matched ? RATE : null, matched ? order.u : null,
    type === "payout" ? JSON.stringify({ type: "card", number: testCardNumber(order.index), holder: "LARGE CUSTOMER" }) : null,
    matched ? created : null, status === "completed" ? finished : null, status === "failed" ? "no_requisite_available" : status === "expired" ? "expired" : null,
    created, finished,
    // The commission snapshots the engine fixes on every order.
    type === "payin" ? store.payinCommission : store.payoutCommission,
    matched ? (type === "payin" ? trader.payinReward : trader.payoutReward) : null,
  ];
}

/** The order's last order_history row (its final status change), in the column order of `insertHistory`. */
function historyRow(order: DrawnOrder, commissions: CommissionSnapshot): unknown[] {
  const { id, type, status, matched } = order;
  return [
    id, matched ? order.requisite : null, matched ? order.trader.id : null, matched ? RATE : null,
    type === "payin" ? (status === "failed" ? "created" : "awaiting_payment") : status === "failed" ? "created" : "assigned",
    status, commissions.s, commissions.sAmount, commissions.t, commissions.tAmount, commissions.profit, order.finished,
  ];
}

const NO_COMMISSIONS: CommissionSnapshot = { s: null, sAmount: null, t: null, tAmount: null, profit: null };

/** Generates one batch of `size` orders from `offset` on, counting them per type and status. */
async function generateBatch(gen: Generation, offset: number, size: number, counts: Record<string, number>): Promise<Batch> {
  const batch = newBatch(gen.book);
  for (let i = 0; i < size; i++) {
    const order = await drawOrder(gen, offset + i);
    const commissions = order.status === "completed" ? await settleCompleted(gen, batch.move, order) : NO_COMMISSIONS;
    counts[`${order.type} ${order.status}`] = (counts[`${order.type} ${order.status}`] ?? 0) + 1;
    batch.orders.push(orderRow(order, gen.refs.rub.id));
    batch.history.push(historyRow(order, commissions));
  }
  return batch;
}

/** The three connections the batches are written on: orders on `db`, their history and ledger rows alongside. */
interface Connections {
  db: pg.Client;
  historyDb: pg.Client;
  ledgerDb: pg.Client;
}

/**
 * Generates and writes `total` orders batch by batch. The orders go first (the other rows
 * reference them), then their history and ledger rows on two more connections while the next
 * batch is generated and inserted. Returns the count per type and status.
 */
async function writeOrderHistory(gen: Generation, connections: Connections, total: number, progress: (written: number) => void) {
  const { db, historyDb, ledgerDb } = connections;
  let secondary: Promise<unknown> = Promise.resolve();
  const counts: Record<string, number> = {};
  for (let offset = 0; offset < total; offset += BATCH) {
    const size = Math.min(BATCH, total - offset);
    const { orders, history, movements } = await generateBatch(gen, offset, size, counts);
    const balances = gen.book.balances();
    await insertOrders(db, orders);
    await secondary;
    secondary = Promise.all([insertHistory(historyDb, history), insertLedger(ledgerDb, movements, balances, gen.refs.usdt.id)]);
    const written = offset + size;
    if (written % 100_000 === 0 || written === total) progress(written);
  }
  await secondary;
  return counts;
}

/** Refreshes daily_metrics over the period and updates the planner's statistics. */
async function refreshAfterSeeding(db: pg.Client, url: string, from: number) {
  const { refreshDailyMetrics } = await import("@/lib/metrics/refresh-daily-metrics");
  process.env.DATABASE_URL = url;
  await refreshDailyMetrics({ from: new Date(from), to: new Date() });
  await db.query("ANALYZE");
}

/**
 * Writes `orders` finished orders over the last `days` days into the (migrated) database at
 * `url`, seeding the demo data first when it is empty (or, with `world`, for the given stores
 * only: `npm run bench`). Returns the count per type and status.
 */
export async function seedLargeHistory(url: string, options: { orders: number; days: number; log?: (line: string) => void; world?: HistoryWorld }) {
  const { orders, days } = options;
  const log = options.log ?? console.log;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  const [db, historyDb, ledgerDb] = [0, 1, 2].map(() => new pg.Client({ connectionString: url }));
  await Promise.all([db, historyDb, ledgerDb].map((client) => client.connect()));
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
  try {
    const refs = await prepareReferences(prisma, options.world ?? { demo: true });
    const end = Date.now() - 3600_000;
    const start = end - days * DAY;
    const gen: Generation = {
      refs,
      book: accountBook(db, refs.usdt.id),
      rng: seededRandom(Number(process.env.LARGE_SEED ?? 20261122)),
      start,
      step: (end - start) / orders,
    };
    const counts = await writeOrderHistory(gen, { db, historyDb, ledgerDb }, orders, (written) =>
      log(`  ${written.toLocaleString("en")} orders (${seconds()} s)`),
    );

    log("Refreshing daily_metrics…");
    await refreshAfterSeeding(db, url, start);
    log(`\nWrote ${orders.toLocaleString("en")} orders over ${days} days in ${seconds()} s:`);
    for (const [key, n] of Object.entries(counts).sort()) log(`  ${key.padEnd(20)} ${n.toLocaleString("en")}`);
    return counts;
  } finally {
    await Promise.all([db, historyDb, ledgerDb].map((client) => client.end()));
    await prisma.$disconnect();
  }
}

async function main() {
  const { withDatabase } = await import("../scripts/db/database-url");
  const { applyMigrations } = await import("../scripts/db/migrate-engine");
  await withDatabase(async (url) => {
    await applyMigrations(url);
    await seedLargeHistory(url, { orders: ORDERS, days: DAYS });
  });
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
