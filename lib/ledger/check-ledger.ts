import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { LEDGER_TABLES } from "./accounts";

export interface LedgerViolation {
  invariant: string;
  detail: string;
}

type Db = Pick<PrismaClient, "$queryRawUnsafe">;

async function rows(db: Db, sql: string): Promise<Record<string, unknown>[]> {
  return db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
}

const fmt = (row: Record<string, unknown>) =>
  Object.entries(row)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");

/**
 * Verifies docs/design.md's money invariants over the whole database and returns every violation
 * (empty = clean):
 *  - every balance equals the sum of its history (available and held);
 *  - each history chain is consistent: balance_after = previous balance_after + delta;
 *  - no available or held part is negative, now or in any history row;
 *  - per order and currency, the movements of store, trader deposit and platform sum to zero
 *    (trader fiat turnover is a memo of fiat received outside the platform, not a movement);
 *  - a trader's held USDT equals the USDT value of their open pay-ins (a pay-in disputed after
 *    it ended — the customer paid late — holds nothing until support completes it).
 */
export async function checkLedger(db: Db): Promise<LedgerViolation[]> {
  const violations: LedgerViolation[] = [];
  for (const [kind, tables] of Object.entries(LEDGER_TABLES)) violations.push(...(await checkBalanceKind(db, kind, tables)));
  violations.push(...(await checkOrderMovements(db)));
  violations.push(...(await checkTraderHolds(db)));
  return violations;
}

/** The rows `sql` finds, each a violation of `invariant`. */
async function violationsOf(db: Db, invariant: string, sql: string): Promise<LedgerViolation[]> {
  return (await rows(db, sql)).map((row) => ({ invariant, detail: fmt(row) }));
}

/** One kind of balance and its history: their sums agree, the balance_after chain holds, nothing is negative. */
async function checkBalanceKind(db: Db, kind: string, t: (typeof LEDGER_TABLES)[keyof typeof LEDGER_TABLES]): Promise<LedgerViolation[]> {
  return [
    ...(await violationsOf(
      db,
      `${kind}: balance equals the sum of its history`,
      `SELECT b.id AS balance_id, b.amount, b.held, COALESCE(h.delta, 0) AS history_amount, COALESCE(h.held, 0) AS history_held
       FROM ${t.balance} b
       LEFT JOIN (SELECT ${t.historyBalance} AS id, sum(delta) AS delta, sum(held_delta) AS held FROM ${t.history} GROUP BY 1) h ON h.id = b.id
       WHERE b.amount <> COALESCE(h.delta, 0) OR b.held <> COALESCE(h.held, 0)`,
    )),
    ...(await violationsOf(
      db,
      `${kind}: balance_after chain is consistent`,
      `SELECT id AS history_id, ${t.historyBalance} AS balance_id, balance_after, held_after, expected_after, expected_held
       FROM (SELECT id, ${t.historyBalance}, balance_after, held_after,
                    sum(delta) OVER w AS expected_after, sum(held_delta) OVER w AS expected_held
             FROM ${t.history}
             WINDOW w AS (PARTITION BY ${t.historyBalance} ORDER BY id ROWS UNBOUNDED PRECEDING)) x
       WHERE balance_after <> expected_after OR held_after <> expected_held
       LIMIT 100`,
    )),
    ...(await violationsOf(
      db,
      `${kind}: no negative available or held`,
      `SELECT 'balance' AS row_kind, id, amount, held FROM ${t.balance} WHERE amount < 0 OR held < 0
       UNION ALL
       SELECT 'history', id, balance_after, held_after FROM ${t.history} WHERE balance_after < 0 OR held_after < 0
       LIMIT 100`,
    )),
  ];
}

/** Per order and currency, the movements of store, trader deposit and platform sum to zero. */
function checkOrderMovements(db: Db): Promise<LedgerViolation[]> {
  return violationsOf(
    db,
    "per order and currency, movements sum to zero",
    `SELECT order_id, currency_id, sum(delta + held_delta) AS total
     FROM (SELECT order_id, currency_id, delta, held_delta FROM balance_store_history WHERE order_id IS NOT NULL
           UNION ALL SELECT order_id, currency_id, delta, held_delta FROM balance_trader_crypto_history WHERE order_id IS NOT NULL
           UNION ALL SELECT order_id, currency_id, delta, held_delta FROM balance_platform_history WHERE order_id IS NOT NULL) m
     GROUP BY order_id, currency_id
     HAVING sum(delta + held_delta) <> 0
     LIMIT 100`,
  );
}

/** A trader's held USDT equals the USDT value of their open pay-ins. */
function checkTraderHolds(db: Db): Promise<LedgerViolation[]> {
  return violationsOf(
    db,
    "trader held USDT equals the value of their open pay-ins",
    `SELECT b.trader_id, b.held, COALESCE(o.open_value, 0) AS open_payins_value
     FROM balance_trader_crypto b
     LEFT JOIN (SELECT trader_id, sum(crypto_amount) AS open_value FROM incoming_orders
                WHERE type = 'payin' AND (status IN ('awaiting_payment', 'paid') OR (status = 'disputed' AND ended_at IS NULL))
                GROUP BY trader_id) o
       ON o.trader_id = b.trader_id
     WHERE b.held <> COALESCE(o.open_value, 0)`,
  );
}
