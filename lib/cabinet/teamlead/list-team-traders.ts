import "server-only";
import { prisma } from "@/lib/db/client";

export interface TeamTraderRow {
  id: number;
  email: string;
  isActive: boolean;
  isTrafficEnabledByTeamlead: boolean;
  trafficPriority: number;
  usdt: { exponent: number; available: bigint };
}

const SETTLEMENT_CURRENCY = "USDT";

/** Traders whose team_lead_id is the teamlead profile of this user (nobody else's). */
export async function listTeamTraders(teamleadUserId: number): Promise<TeamTraderRow[]> {
  const [traders, usdt] = await Promise.all([
    prisma.trader.findMany({
      where: { teamLead: { userId: teamleadUserId } },
      orderBy: [{ trafficPriority: "desc" }, { id: "asc" }],
      select: {
        id: true,
        isActive: true,
        isTrafficEnabledByTeamlead: true,
        trafficPriority: true,
        user: { select: { email: true } },
        cryptoBalance: { where: { currency: { code: SETTLEMENT_CURRENCY } }, select: { amount: true } },
      },
    }),
    prisma.currency.findUnique({ where: { code: SETTLEMENT_CURRENCY }, select: { exponent: true } }),
  ]);
  const exponent = usdt?.exponent ?? 6;
  return traders.map((t) => ({
    id: t.id,
    email: t.user.email,
    isActive: t.isActive,
    isTrafficEnabledByTeamlead: t.isTrafficEnabledByTeamlead,
    trafficPriority: t.trafficPriority,
    usdt: { exponent, available: t.cryptoBalance[0]?.amount ?? 0n },
  }));
}
