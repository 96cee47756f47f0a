import "server-only";
import { prisma } from "@/lib/db/client";
import { SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";

export interface EarningsDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The trader's rewards earned that day, micro-USDT as a string. */
  reward: string;
}

export interface TraderEarnings {
  currencyCode: string;
  exponent: number;
  /** Oldest first, one entry per day (zero when nothing was earned); the last one is today, live. */
  days: EarningsDay[];
  /** Sum over `days`. */
  total: string;
}

const DAY_MS = 24 * 3600 * 1000;

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/**
 * The trader's reward per day over the last `days` days. Past days come from daily_metrics
 * (pre-aggregated per trader; index (trader_id, day)); today, which the sweep refreshes only
 * now and then, is summed live from today's completions in order_history (index (trader_id,
 * processed_at)), so the chart's last bar moves as soon as an order completes.
 */
export async function getTraderEarnings(traderId: number, now = new Date(), days = 30): Promise<TraderEarnings> {
  const today = startOfUtcDay(now);
  const from = new Date(today.getTime() - (days - 1) * DAY_MS);
  const [past, live, settlement] = await Promise.all([
    prisma.dailyMetric.groupBy({
      by: ["day"],
      where: { traderId, day: { gte: from, lt: today } },
      _sum: { traderReward: true },
    }),
    prisma.orderHistory.aggregate({
      where: { traderId, status: "completed", processedAt: { gte: today } },
      _sum: { traderCommissionAmount: true },
    }),
    prisma.currency.findUnique({ where: { code: SETTLEMENT_CURRENCY }, select: { exponent: true } }),
  ]);

  const byDay = new Map(past.map((row) => [row.day.toISOString().slice(0, 10), row._sum.traderReward ?? 0n]));
  byDay.set(today.toISOString().slice(0, 10), live._sum.traderCommissionAmount ?? 0n);
  let total = 0n;
  const series: EarningsDay[] = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const reward = byDay.get(day) ?? 0n;
    total += reward;
    series.push({ day, reward: reward.toString() });
  }
  return { currencyCode: SETTLEMENT_CURRENCY, exponent: settlement?.exponent ?? 6, days: series, total: total.toString() };
}
