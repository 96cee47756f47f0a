import "server-only";
import { prisma } from "@/lib/db/client";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { settlementCurrency } from "@/lib/currencies/settlement-currency";
import { SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";
import { clampLimit, idCursor, toPage, type Page } from "@/lib/pagination/keyset";

export interface AdminTraderRow {
  id: number;
  userId: number;
  email: string;
  name: string | null;
  isActive: boolean;
  /** The platform's simulated trader for sandbox stores (lib/sandbox): never real orders. */
  isSandbox: boolean;
  /** The teamlead's traffic switch (the teamlead's to change, shown here read-only). */
  isTrafficEnabledByTeamlead: boolean;
  trafficPriority: number;
  payinReward: string;
  payoutReward: string;
  team: { id: number; username: string } | null;
  /** The USDT deposit in micro-USDT. */
  deposit: { code: string; exponent: number; available: bigint; held: bigint };
  lastSeenAt: Date | null;
}

export interface TeamleadOption {
  id: number;
  username: string;
  email: string;
  isActive: boolean;
}

/**
 * Traders by id (keyset), optionally of one team or matching a search on email or name, with
 * their deposit — for an active admin.
 */
export async function listTraders(
  adminUserId: number,
  options: { teamLeadId?: number; search?: string; after?: string; limit?: number } = {},
): Promise<Page<AdminTraderRow>> {
  await assertAdmin(prisma, { userId: adminUserId });
  const limit = clampLimit(options.limit);
  const after = idCursor(options.after);
  const search = options.search?.trim();
  const [traders, usdt] = await Promise.all([
    prisma.trader.findMany({
      where: {
        ...(after !== undefined ? { id: { gt: after } } : {}),
        ...(options.teamLeadId ? { teamLeadId: options.teamLeadId } : {}),
        ...(search ? { user: { OR: [{ email: { contains: search, mode: "insensitive" } }, { name: { contains: search, mode: "insensitive" } }] } } : {}),
      },
      orderBy: { id: "asc" },
      take: limit + 1,
      select: {
        id: true,
        userId: true,
        isActive: true,
        isSandbox: true,
        isTrafficEnabledByTeamlead: true,
        trafficPriority: true,
        payinReward: true,
        payoutReward: true,
        lastSeenAt: true,
        user: { select: { email: true, name: true } },
        teamLead: { select: { id: true, username: true } },
        cryptoBalance: { where: { currency: { code: SETTLEMENT_CURRENCY } }, select: { amount: true, held: true } },
      },
    }),
    settlementCurrency(),
  ]);
  const rows = traders.map((t): AdminTraderRow => ({
    id: t.id,
    userId: t.userId,
    email: t.user.email,
    name: t.user.name,
    isActive: t.isActive,
    isSandbox: t.isSandbox,
    isTrafficEnabledByTeamlead: t.isTrafficEnabledByTeamlead,
    trafficPriority: t.trafficPriority,
    payinReward: t.payinReward.toString(),
    payoutReward: t.payoutReward.toString(),
    team: t.teamLead,
    deposit: { code: usdt.code, exponent: usdt.exponent, available: t.cryptoBalance[0]?.amount ?? 0n, held: t.cryptoBalance[0]?.held ?? 0n },
    lastSeenAt: t.lastSeenAt,
  }));
  return toPage(rows, limit, (row) => String(row.id));
}

/** Every teamlead, to assign traders to (teams are few). */
export async function listTeamleads(adminUserId: number): Promise<TeamleadOption[]> {
  await assertAdmin(prisma, { userId: adminUserId });
  const teamleads = await prisma.teamlead.findMany({
    orderBy: { username: "asc" },
    select: { id: true, username: true, user: { select: { email: true, isActive: true } } },
  });
  return teamleads.map((t) => ({ id: t.id, username: t.username, email: t.user.email, isActive: t.user.isActive }));
}
