import "server-only";
import { prisma } from "@/lib/db/client";

export interface TraderDay {
  /** Orders matched to the trader (pay-ins awaiting payment, payouts assigned). */
  taken: number;
  completed: number;
  /** USDT value of the completed orders, in micro-USDT. */
  volume: bigint;
}

export const EMPTY_DAY: TraderDay = { taken: 0, completed: 0, volume: 0n };

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Today's live numbers (UTC day) per trader, from order_history through its
 * (trader_id, processed_at) index: daily_metrics is refreshed by a sweep and may lag, so the
 * current day is always read live. A match is the transition out of `created`; volume counts
 * completions. The teamlead page asks twice at once (the table and the chart): a question
 * already in flight is shared, so that is one query.
 */
export function todayByTrader(traderIds: number[], now = new Date()): Promise<Map<number, TraderDay>> {
  const traderIdList = [...traderIds].sort((a, b) => a - b).join(",");
  const dayStart = startOfUtcDay(now).getTime();
  const key = `${traderIdList}@${dayStart}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = readTodayByTrader(traderIdList, dayStart).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

const inFlight = new Map<string, Promise<Map<number, TraderDay>>>();

async function readTodayByTrader(traderIdList: string, dayStart: number): Promise<Map<number, TraderDay>> {
  if (!traderIdList) return new Map();
  const traderIds = traderIdList.split(",").map(Number);
  const rows = await prisma.$queryRaw<{ trader_id: number; taken: number; completed: number; volume: bigint }[]>`
    SELECT h.trader_id,
           count(*) FILTER (WHERE h.from_status = 'created')::int AS taken,
           count(*) FILTER (WHERE h.status = 'completed')::int AS completed,
           -- Only completions need their order (its USDT value): a primary-key lookup each,
           -- which a join could turn into a scan of every order.
           COALESCE(sum(CASE WHEN h.status = 'completed' THEN (SELECT o.crypto_amount FROM incoming_orders o WHERE o.id = h.incoming_order_id) END), 0)::bigint AS volume
    FROM order_history h
    WHERE h.trader_id = ANY(${traderIds}::int[]) AND h.processed_at >= ${new Date(dayStart)}
    GROUP BY h.trader_id`;
  return new Map(rows.map((r) => [r.trader_id, { taken: r.taken, completed: r.completed, volume: r.volume }]));
}
