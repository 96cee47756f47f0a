import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";

const DAY_MS = 24 * 3600 * 1000;
// Serialises refreshes (any two, whatever their days): the later one then reads everything the
// earlier one committed, so concurrent refreshes can neither interleave row by row nor deadlock.
const REFRESH_LOCK = 0x6a70_6d65_7472n; // "jpmetr"

export interface RefreshResult {
  /** First and last UTC day refreshed, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Rows inserted or whose numbers changed. */
  upserted: number;
  /** Rows removed because their group has no orders on that day any more. */
  removed: number;
  /** daily_failure_reasons rows inserted, changed or removed. */
  failureReasons: number;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC days refreshed: `from` and `to` as YYYY-MM-DD, and the instants they span, [start, end). */
interface Days {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/**
 * Recomputes daily_metrics for the UTC days from `from` to `to` (default: yesterday and today)
 * from incoming_orders and order_history, in one statement: an INSERT … ON CONFLICT DO UPDATE of
 * every (day, store, trader, currency, type) group with orders on those days, and a DELETE of
 * rows for groups that have none any more. Idempotent: re-running changes nothing.
 *
 * Each number is counted on the day its event happened (UTC):
 *  - created_count: orders created that day;
 *  - completed_*: orders completed that day (whenever created) — the fiat amount, the USDT
 *    value, and the platform profit and trader reward recorded on the order_history row of
 *    the completion; completion_seconds_sum adds each one's whole seconds from creation;
 *  - failed_count: orders that ended without completing that day (failed, expired, cancelled).
 * daily_failure_reasons gets, per day and store, the orders that ended without completing by
 * end status and reason (see the model), in the same transaction.
 * trader_id is the order's trader (0 when none took it), so the same order's events may land in
 * another group after it is matched: refreshing the days again puts them right.
 */
export async function refreshDailyMetrics(options: { from?: Date; to?: Date } = {}): Promise<RefreshResult> {
  const days = daysToRefresh(options);
  const [metrics, failureReasons] = await runTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
    return [await refreshMetricRows(tx, days), await refreshFailureReasons(tx, days)] as const;
  });
  return { from: days.from, to: days.to, ...metrics, failureReasons };
}

function daysToRefresh(options: { from?: Date; to?: Date }): Days {
  const to = utcDay(options.to ?? new Date());
  const from = utcDay(options.from ?? new Date(Date.parse(to) - DAY_MS));
  if (from > to) throw new RangeError(`refreshDailyMetrics: from (${from}) is after to (${to})`);
  return { from, to, start: new Date(`${from}T00:00:00Z`), end: new Date(Date.parse(to) + DAY_MS) };
}

/** The daily_metrics statement described above: the rows upserted (inserted or changed) and removed. */
async function refreshMetricRows(tx: Tx, { from, to, start, end }: Days): Promise<{ upserted: number; removed: number }> {
  const [row] = await tx.$queryRaw<{ upserted: number; removed: number }[]>`
    WITH events AS (
      SELECT (o.created_at AT TIME ZONE 'UTC')::date AS day, o.store_id, COALESCE(o.trader_id, 0) AS trader_id,
             o.currency_id, o.type, 1 AS created, 0 AS completed, 0 AS ended,
             0::bigint AS amount, 0::bigint AS crypto, 0::bigint AS profit, 0::bigint AS reward, 0::bigint AS seconds
      FROM incoming_orders o
      WHERE o.created_at >= ${start} AND o.created_at < ${end}
      UNION ALL
      SELECT (h.processed_at AT TIME ZONE 'UTC')::date, o.store_id, COALESCE(o.trader_id, 0), o.currency_id, o.type,
             0, c.done, 1 - c.done,
             c.done * o.amount, c.done * COALESCE(o.crypto_amount, 0),
             c.done * COALESCE(h.platform_profit, 0), c.done * COALESCE(h.trader_commission_amount, 0),
             -- Clamped: an order created "in the future" by a skewed clock must not subtract time.
             c.done * GREATEST(floor(extract(epoch FROM h.processed_at - o.created_at)), 0)::bigint
      FROM order_history h
      JOIN incoming_orders o ON o.id = h.incoming_order_id
      CROSS JOIN LATERAL (SELECT (h.status = 'completed')::int AS done) c
      WHERE h.status IN ('completed', 'failed', 'expired', 'cancelled')
        AND h.processed_at >= ${start} AND h.processed_at < ${end}
    ), totals AS (
      SELECT day, store_id, trader_id, currency_id, type,
             sum(created)::int AS created_count, sum(completed)::int AS completed_count, sum(ended)::int AS failed_count,
             sum(amount)::bigint AS completed_amount, sum(crypto)::bigint AS completed_crypto,
             sum(profit)::bigint AS platform_profit, sum(reward)::bigint AS trader_reward,
             sum(seconds)::bigint AS completion_seconds_sum
      FROM events
      GROUP BY day, store_id, trader_id, currency_id, type
    ), removed AS (
      DELETE FROM daily_metrics d
      WHERE d.day BETWEEN ${from}::date AND ${to}::date
        AND NOT EXISTS (
          SELECT 1 FROM totals t
          WHERE (t.day, t.store_id, t.trader_id, t.currency_id, t.type) = (d.day, d.store_id, d.trader_id, d.currency_id, d.type))
      RETURNING 1
    ), upserted AS (
      INSERT INTO daily_metrics AS d (day, store_id, trader_id, currency_id, type, created_count, completed_count,
                                      failed_count, completed_amount, completed_crypto, platform_profit, trader_reward,
                                      completion_seconds_sum, updated_at)
      SELECT day, store_id, trader_id, currency_id, type, created_count, completed_count, failed_count, completed_amount,
             completed_crypto, platform_profit, trader_reward, completion_seconds_sum, now()
      FROM totals
      ON CONFLICT (day, store_id, trader_id, currency_id, type) DO UPDATE SET
        created_count = EXCLUDED.created_count, completed_count = EXCLUDED.completed_count,
        failed_count = EXCLUDED.failed_count, completed_amount = EXCLUDED.completed_amount,
        completed_crypto = EXCLUDED.completed_crypto, platform_profit = EXCLUDED.platform_profit,
        trader_reward = EXCLUDED.trader_reward, completion_seconds_sum = EXCLUDED.completion_seconds_sum,
        updated_at = now()
      -- Unchanged rows are left alone: updated_at says when the numbers last changed.
      WHERE (d.created_count, d.completed_count, d.failed_count, d.completed_amount, d.completed_crypto,
             d.platform_profit, d.trader_reward, d.completion_seconds_sum)
        IS DISTINCT FROM (EXCLUDED.created_count, EXCLUDED.completed_count, EXCLUDED.failed_count,
             EXCLUDED.completed_amount, EXCLUDED.completed_crypto, EXCLUDED.platform_profit,
             EXCLUDED.trader_reward, EXCLUDED.completion_seconds_sum)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upserted)::int AS upserted, (SELECT count(*) FROM removed)::int AS removed`;
  return { upserted: row.upserted, removed: row.removed };
}

/**
 * Why orders ended without completing, counted the same way (on the day they ended), into
 * daily_failure_reasons: the number of rows inserted, changed or removed.
 */
async function refreshFailureReasons(tx: Tx, { from, to, start, end }: Days): Promise<number> {
  const [row] = await tx.$queryRaw<{ changed: number }[]>`
    WITH totals AS (
      SELECT (h.processed_at AT TIME ZONE 'UTC')::date AS day, o.store_id, h.status,
             CASE h.status WHEN 'failed' THEN COALESCE(o.failure_reason, 'unknown')
                           WHEN 'cancelled' THEN h.actor_type
                           ELSE '' END AS reason,
             count(*)::int AS count
      FROM order_history h
      JOIN incoming_orders o ON o.id = h.incoming_order_id
      WHERE h.status IN ('failed', 'expired', 'cancelled')
        AND h.processed_at >= ${start} AND h.processed_at < ${end}
      GROUP BY 1, 2, 3, 4
    ), removed AS (
      DELETE FROM daily_failure_reasons d
      WHERE d.day BETWEEN ${from}::date AND ${to}::date
        AND NOT EXISTS (
          SELECT 1 FROM totals t WHERE (t.day, t.store_id, t.status, t.reason) = (d.day, d.store_id, d.status, d.reason))
      RETURNING 1
    ), upserted AS (
      INSERT INTO daily_failure_reasons AS d (day, store_id, status, reason, count, updated_at)
      SELECT day, store_id, status, reason, count, now() FROM totals
      ON CONFLICT (day, store_id, status, reason) DO UPDATE SET count = EXCLUDED.count, updated_at = now()
      WHERE d.count IS DISTINCT FROM EXCLUDED.count
      RETURNING 1
    )
    SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed))::int AS changed`;
  return row.changed;
}
