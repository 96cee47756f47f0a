import "server-only";
import { prisma } from "@/lib/db/client";
import { teamleadProfileId } from "@/lib/traders/teamlead-profile";
import { startOfUtcDay, todayByTrader } from "./today-by-trader";

export const SERIES_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export interface TeamDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  taken: number;
  completed: number;
  /** USDT value of the day's completions, micro-USDT. */
  volume: bigint;
}

/**
 * The team's last SERIES_DAYS days, oldest first, every day present (zeros where nothing
 * happened): past days from daily_metrics through its (trader_id, day) index, today live (see
 * todayByTrader). Only this teamlead's traders count.
 */
export async function getTeamDailySeries(teamleadUserId: number, now = new Date()): Promise<TeamDay[]> {
  const teamLeadId = await teamleadProfileId(teamleadUserId);
  const traderIds = (await prisma.trader.findMany({ where: { teamLeadId }, select: { id: true } })).map((t) => t.id);
  const today = startOfUtcDay(now);
  const from = new Date(today.getTime() - (SERIES_DAYS - 1) * DAY_MS);
  const isoDay = (date: Date) => date.toISOString().slice(0, 10);
  const [past, live] = await Promise.all([
    traderIds.length
      ? prisma.$queryRaw<{ day: string; taken: number; completed: number; volume: bigint }[]>`
          SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(created_count)::int AS taken, sum(completed_count)::int AS completed,
                 sum(completed_crypto)::bigint AS volume
          FROM daily_metrics
          WHERE trader_id = ANY(${traderIds}::int[]) AND day >= ${isoDay(from)}::date AND day < ${isoDay(today)}::date
          GROUP BY day`
      : [],
    todayByTrader(traderIds, now),
  ]);
  const byDay = new Map(past.map((row) => [row.day, row]));
  const days: TeamDay[] = [];
  for (let i = 0; i < SERIES_DAYS - 1; i++) {
    const day = isoDay(new Date(from.getTime() + i * DAY_MS));
    const row = byDay.get(day);
    days.push({ day, taken: row?.taken ?? 0, completed: row?.completed ?? 0, volume: row?.volume ?? 0n });
  }
  const todayTotals = [...live.values()].reduce((sum, d) => ({ taken: sum.taken + d.taken, completed: sum.completed + d.completed, volume: sum.volume + d.volume }), { taken: 0, completed: 0, volume: 0n });
  days.push({ day: isoDay(today), ...todayTotals });
  return days;
}
