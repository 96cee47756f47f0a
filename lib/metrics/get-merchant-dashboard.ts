import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { listOwnedStoreIds } from "@/lib/stores/owned-stores";
import type { DataWorld } from "@/lib/sandbox/data-world";

export const DASHBOARD_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** One UTC day of the merchant's numbers, summed over their stores and currencies. */
export interface DailyPoint {
  /** YYYY-MM-DD (UTC). */
  day: string;
  createdCount: number;
  completedCount: number;
  /** USDT (micro-USDT) of pay-ins and payouts completed that day. */
  payinTurnover: bigint;
  payoutTurnover: bigint;
  completionSecondsSum: bigint;
}

/** Today's numbers (UTC) for the orders created today, read live from the orders. */
export interface TodayNumbers {
  createdCount: number;
  completedCount: number;
  openCount: number;
  /** micro-USDT of today's completed orders. */
  turnover: bigint;
  completionSecondsSum: bigint;
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

function emptyToday(): TodayNumbers {
  return { createdCount: 0, completedCount: 0, openCount: 0, turnover: 0n, completionSecondsSum: 0n };
}

/**
 * Today's numbers (UTC) of the orders created today in these stores, live: an index range
 * scan of today's orders ((store_id, created_at, id)), never the whole history.
 */
async function todayNumbers(storeIds: number[], now: Date): Promise<TodayNumbers> {
  if (storeIds.length === 0) return emptyToday();
  const todayStart = new Date(`${utcDay(now)}T00:00:00Z`);
  const [live] = await prisma.$queryRaw<{ created: number; completed: number; open: number; turnover: bigint; seconds: bigint }[]>`
    SELECT count(*)::int AS created,
           count(*) FILTER (WHERE status = 'completed')::int AS completed,
           count(*) FILTER (WHERE status IN ('created', 'awaiting_payment', 'assigned', 'paid', 'disputed'))::int AS open,
           COALESCE(sum(crypto_amount) FILTER (WHERE status = 'completed'), 0)::bigint AS turnover,
           COALESCE(sum(GREATEST(floor(extract(epoch FROM completed_at - created_at)), 0)) FILTER (WHERE status = 'completed'), 0)::bigint AS seconds
    FROM incoming_orders
    WHERE store_id IN (${Prisma.join(storeIds)}) AND created_at >= ${todayStart}`;
  return { createdCount: live.created, completedCount: live.completed, openCount: live.open, turnover: live.turnover, completionSecondsSum: live.seconds };
}

/** The last 30 UTC days from daily_metrics (pre-aggregated, index (store_id, day)), zero days included. */
async function dailySeries(storeIds: number[], now: Date): Promise<DailyPoint[]> {
  const todayStart = new Date(`${utcDay(now)}T00:00:00Z`);
  const firstDay = new Date(todayStart.getTime() - (DASHBOARD_DAYS - 1) * DAY_MS);
  const days = Array.from({ length: DASHBOARD_DAYS }, (_, i): DailyPoint => ({
    day: utcDay(new Date(firstDay.getTime() + i * DAY_MS)),
    createdCount: 0,
    completedCount: 0,
    payinTurnover: 0n,
    payoutTurnover: 0n,
    completionSecondsSum: 0n,
  }));
  if (storeIds.length === 0) return days;
  const metrics = await prisma.dailyMetric.groupBy({
    by: ["day", "type"],
    where: { storeId: { in: storeIds }, day: { gte: firstDay, lte: todayStart } },
    _sum: { createdCount: true, completedCount: true, completedCrypto: true, completionSecondsSum: true },
  });
  const byDay = new Map(days.map((point) => [point.day, point]));
  for (const row of metrics) {
    const point = byDay.get(utcDay(row.day));
    if (!point) continue;
    point.createdCount += row._sum.createdCount ?? 0;
    point.completedCount += row._sum.completedCount ?? 0;
    point.completionSecondsSum += row._sum.completionSecondsSum ?? 0n;
    if (row.type === "payin") point.payinTurnover += row._sum.completedCrypto ?? 0n;
    else point.payoutTurnover += row._sum.completedCrypto ?? 0n;
  }
  return days;
}

/** The merchant's last 30 days (the dashboard's charts). */
export async function getMerchantDailySeries(merchantUserId: number, now = new Date(), world: DataWorld = "live"): Promise<DailyPoint[]> {
  return dailySeries(await listOwnedStoreIds(merchantUserId, world), now);
}

/** Today's live numbers over the merchant's stores (what the dashboard polls). */
export async function getMerchantToday(merchantUserId: number, now = new Date(), world: DataWorld = "live"): Promise<TodayNumbers> {
  return todayNumbers(await listOwnedStoreIds(merchantUserId, world), now);
}
