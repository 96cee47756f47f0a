// Checks of the money limits, from history: no requisite's limits exceeded at any match, no
// deposit or store balance below zero at any point.
import { SOAK_SETTINGS } from "../config";
import { query, result, type CheckResult } from "./common";

interface HistoryRow {
  order_id: string;
  status: string;
  requisite_id: number | null;
  at: Date;
  amount: string;
}

const HOLDING = new Set(["awaiting_payment", "assigned", "paid", "disputed"]);
const RELEASING = new Set(["expired", "cancelled", "failed", "created"]);

/**
 * Replays order_history per requisite as matching counts usage (open orders and completed
 * ones, per UTC day): an order starts counting when it is matched or accepted, stops when it
 * expires, is cancelled, fails or is released, and stays counted once completed. At every
 * match the open orders, the day's amount and the day's order count must be within the
 * requisite's limits and matching.max_open_orders_per_requisite.
 *
 * The replay goes by history id, not processed_at (its transaction's start: a match that waited
 * for locks starts long before it reads usage). Ids are taken at INSERT: a change that had
 * committed when a match read usage got its id before the match's row, so the replay never
 * shows a match an order that matching could not see as freed. (It may show one freed that
 * committed just after the read: lenient by such races, never a false alarm.) Matches of one
 * requisite are serialised by its row lock, so their ids keep their order.
 */
export async function limitsHeld(): Promise<CheckResult> {
  const limits = new Map(
    (await query<{ req_id: number; daily_limit: string; daily_count_limit: number | null }>("SELECT req_id, daily_limit::text, daily_count_limit FROM full_requisites_settings")).map((r) => [r.req_id, r]),
  );
  const maxOpen = Number(SOAK_SETTINGS["matching.max_open_orders_per_requisite"]);
  const rows = await query<HistoryRow>(
    `SELECT h.incoming_order_id AS order_id, h.status::text, h.requisite_id, h.processed_at AS at, o.amount::text AS amount
     FROM order_history h JOIN incoming_orders o ON o.id = h.incoming_order_id ORDER BY h.id`,
  );
  const holding = new Map<string, number>(); // order → requisite it occupies
  // Orders a late dispute re-opened after they ended. Such a dispute takes no lock on the
  // requisite (the customer's claim is never refused because the requisite is busy), so a match
  // running at the same moment cannot see it before it commits, though its history row may come
  // first: counting it would be a false alarm. They are left out of the replay's usage.
  const reopened = new Set<string>();
  const usage = new Map<string, { amount: bigint; count: number; open: number; nearLimit: boolean }>();
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const use = (requisite: number, t: number) => {
    const key = `${requisite}:${day(t)}`;
    let u = usage.get(key);
    if (!u) usage.set(key, (u = { amount: 0n, count: 0, open: 0, nearLimit: false }));
    return u;
  };
  const problems: string[] = [];
  let nearLimit = 0;
  for (const row of rows) {
    const t = row.at.getTime();
    const held = holding.get(row.order_id);
    if (HOLDING.has(row.status) && held === undefined) {
      if (row.requisite_id === null) continue; // not matched (a late dispute of an order that never was)
      if (row.status !== "awaiting_payment" && row.status !== "assigned") {
        reopened.add(row.order_id);
        continue;
      }
      const u = use(row.requisite_id, t);
      holding.set(row.order_id, row.requisite_id);
      u.amount += BigInt(row.amount);
      u.count += 1;
      u.open += 1;
      // Only a match (or a payout's acceptance) must fit the limits.
      const limit = limits.get(row.requisite_id)!;
      if (u.amount > BigInt(limit.daily_limit)) problems.push(`requisite ${row.requisite_id}: ${u.amount} > daily limit ${limit.daily_limit} at ${row.order_id}`);
      if (limit.daily_count_limit !== null && u.count > limit.daily_count_limit) problems.push(`requisite ${row.requisite_id}: ${u.count} orders > ${limit.daily_count_limit} at ${row.order_id}`);
      if (u.open > maxOpen) problems.push(`requisite ${row.requisite_id}: ${u.open} open > ${maxOpen} at ${row.order_id}`);
      if (u.amount * 10n >= BigInt(limit.daily_limit) * 9n || (limit.daily_count_limit !== null && u.count >= limit.daily_count_limit)) u.nearLimit = true;
    } else if (reopened.has(row.order_id) && (RELEASING.has(row.status) || row.status === "completed")) {
      reopened.delete(row.order_id);
    } else if (held !== undefined && (RELEASING.has(row.status) || row.status === "completed")) {
      const u = use(held, t);
      u.open -= 1;
      holding.delete(row.order_id);
      if (row.status !== "completed") {
        u.amount -= BigInt(row.amount);
        u.count -= 1;
      }
    }
  }
  for (const u of usage.values()) if (u.nearLimit) nearLimit += 1;
  return result("no requisite limit exceeded (from order_history)", problems, `${usage.size} requisite-days replayed; ${nearLimit} reached ≥ 90 % of a daily amount or count limit`);
}

/** Deposits and store balances never went negative: every history row's balance_after and held_after (checkLedger checks this too). */
export async function balancesNeverNegative(): Promise<CheckResult> {
  const problems: string[] = [];
  for (const table of ["balance_trader_crypto_history", "balance_store_history"]) {
    const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE balance_after < 0 OR held_after < 0`);
    if (row.n) problems.push(`${row.n} rows of ${table} below zero`);
  }
  // The small deposits (100 USDT) were used up at some point: the check bound somewhere.
  const [low] = await query<{ n: number }>(
    `SELECT count(DISTINCT trader_id)::int AS n FROM balance_trader_crypto_history WHERE balance_after < 10000000 AND reason <> 'deposit_credit'`,
  );
  return result("no deposit exceeded (balance histories)", problems, `no negative balance; ${low.n} traders' available deposit fell below 10 USDT`);
}
