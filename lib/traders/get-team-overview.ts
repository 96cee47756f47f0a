import "server-only";
import { prisma } from "@/lib/db/client";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";
import { teamleadProfileId } from "./teamlead-profile";
import { EMPTY_DAY, todayByTrader, type TraderDay } from "@/lib/metrics/today-by-trader";

/** A trader counts as online when their cabinet or API was used this recently. */
export const ONLINE_WINDOW_MS = 2 * 60_000;

export interface TeamTraderRow {
  id: number;
  name: string | null;
  email: string;
  isActive: boolean;
  isTrafficEnabledByTeamlead: boolean;
  trafficPriority: number;
  online: boolean;
  lastSeenAt: Date | null;
  openOrders: number;
  today: TraderDay;
  /** Free USDT deposit, micro-USDT. */
  usdtAvailable: bigint;
}

export interface TeamOverview {
  traders: TeamTraderRow[];
  usdtExponent: number;
}

/**
 * The teamlead's own traders (trader.team_lead_id = this teamlead; nobody else's) with what
 * the teamlead steers by: online or not, open orders now (index trader_id, status), today's
 * orders, completions and USDT volume (live), and the free deposit.
 */
export async function getTeamOverview(teamleadUserId: number, now = new Date()): Promise<TeamOverview> {
  const teamLeadId = await teamleadProfileId(teamleadUserId);
  const [traders, usdt] = await Promise.all([
    prisma.trader.findMany({
      where: { teamLeadId },
      orderBy: [{ trafficPriority: "desc" }, { id: "asc" }],
      select: {
        id: true,
        isActive: true,
        isTrafficEnabledByTeamlead: true,
        trafficPriority: true,
        lastSeenAt: true,
        user: { select: { email: true, name: true } },
        cryptoBalance: { where: { currency: { code: SETTLEMENT_CURRENCY } }, select: { amount: true } },
      },
    }),
    prisma.currency.findUnique({ where: { code: SETTLEMENT_CURRENCY }, select: { exponent: true } }),
  ]);
  const ids = traders.map((t) => t.id);
  const [open, today] = await Promise.all([
    ids.length
      ? prisma.incomingOrder.groupBy({ by: ["traderId"], where: { traderId: { in: ids }, status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } })
      : [],
    todayByTrader(ids, now),
  ]);
  const openByTrader = new Map(open.map((g) => [g.traderId, g._count._all]));
  return {
    usdtExponent: usdt?.exponent ?? 6,
    traders: traders.map((t) => ({
      id: t.id,
      name: t.user.name,
      email: t.user.email,
      isActive: t.isActive,
      isTrafficEnabledByTeamlead: t.isTrafficEnabledByTeamlead,
      trafficPriority: t.trafficPriority,
      online: t.lastSeenAt !== null && now.getTime() - t.lastSeenAt.getTime() <= ONLINE_WINDOW_MS,
      lastSeenAt: t.lastSeenAt,
      openOrders: openByTrader.get(t.id) ?? 0,
      today: today.get(t.id) ?? EMPTY_DAY,
      usdtAvailable: t.cryptoBalance[0]?.amount ?? 0n,
    })),
  };
}
