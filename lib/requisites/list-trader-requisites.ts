import "server-only";
import { prisma } from "@/lib/db/client";
import { readSettings } from "@/lib/settings/read-settings";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { maskRequisiteNumber, readRequisiteDetails } from "./requisite-details";

/** A requisite's limits and what has been used of them, in minor units (strings: JSON-safe). */
export interface RequisiteLimitsView {
  currencyCode: string;
  exponent: number;
  minAmount: string;
  maxAmount: string;
  dailyLimit: string;
  monthlyLimit: string | null;
  dailyCountLimit: number | null;
}

export interface RequisiteUsage {
  /** Volume of orders matched today (UTC) that hold or used the limit: open ones and completed ones. */
  usedToday: string;
  countToday: number;
  usedThisMonth: string;
  openOrders: number;
}

export interface TraderRequisiteRow {
  id: number;
  type: string;
  bankName: string | null;
  /** Only the last four characters of the card, phone or account number. */
  maskedNumber: string;
  holder: string | null;
  status: RequisiteStatus;
  /** Why support or an admin blocked it (status blocked); null otherwise. */
  blockedReason: string | null;
  /** Null when the requisite has no limits configured (created outside the cabinet). */
  limits: RequisiteLimitsView | null;
  usage: RequisiteUsage;
}

export interface TraderRequisites {
  requisites: TraderRequisiteRow[];
  /** matching.max_open_orders_per_requisite: a requisite with this many open orders gets no new one. */
  maxOpenOrders: number;
}

// Orders that count against daily and monthly limits, exactly as matching counts them
// (lib/matching/select-requisite.ts): the open ones (their amount is held) and completed ones.
const COUNTED_STATUSES = [...OPEN_STATUSES, "completed"];

interface UsageRow {
  requisite_id: number;
  used_today: bigint;
  count_today: number;
  used_month: bigint;
  open_count: number;
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * The trader's requisites with their limits and today's usage. Usage is one grouped query over
 * the incoming_orders indexes matching itself uses ((requisite_id, status) for open orders,
 * (requisite_id, matched_at) for this month's), so it reads this month's orders of these
 * requisites only, never the whole history.
 */
export async function listTraderRequisites(traderId: number, now = new Date()): Promise<TraderRequisites> {
  const [requisites, settings] = await Promise.all([findRequisites(traderId), readSettings()]);
  const usageOf = await readUsage(requisites.map((r) => r.id), now);
  return {
    maxOpenOrders: settings["matching.max_open_orders_per_requisite"],
    requisites: requisites.map((r) => toRequisiteRow(r, usageOf.get(r.id))),
  };
}

type RequisiteRecord = Awaited<ReturnType<typeof findRequisites>>[number];

/** The trader's requisites, oldest first, with their bank and limits. */
function findRequisites(traderId: number) {
  return prisma.reqTrader.findMany({
    where: { traderId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      details: true,
      status: true,
      blockedReason: true,
      bank: { select: { name: true } },
      settings: {
        select: {
          minAmount: true,
          maxAmount: true,
          dailyLimit: true,
          monthlyLimit: true,
          dailyCountLimit: true,
          currency: { select: { code: true, exponent: true } },
        },
      },
    },
  });
}

/** The usage of each of the requisites (by id) that has orders open or matched this month. */
async function readUsage(ids: number[], now: Date): Promise<Map<number, UsageRow>> {
  const usageRows = ids.length
    ? await prisma.$queryRaw<UsageRow[]>`
        SELECT requisite_id,
               COALESCE(sum(amount) FILTER (WHERE matched_at >= ${startOfUtcDay(now)} AND status = ANY(${COUNTED_STATUSES}::order_status[])), 0)::bigint AS used_today,
               count(*) FILTER (WHERE matched_at >= ${startOfUtcDay(now)} AND status = ANY(${COUNTED_STATUSES}::order_status[]))::int AS count_today,
               COALESCE(sum(amount) FILTER (WHERE matched_at >= ${startOfUtcMonth(now)} AND status = ANY(${COUNTED_STATUSES}::order_status[])), 0)::bigint AS used_month,
               count(*) FILTER (WHERE status = ANY(${[...OPEN_STATUSES]}::order_status[]))::int AS open_count
        FROM incoming_orders
        WHERE requisite_id = ANY(${ids}::int[])
          AND (status = ANY(${[...OPEN_STATUSES]}::order_status[]) OR matched_at >= ${startOfUtcMonth(now)})
        GROUP BY requisite_id`
    : [];
  return new Map(usageRows.map((row) => [row.requisite_id, row]));
}

function toRequisiteRow(r: RequisiteRecord, usage: UsageRow | undefined): TraderRequisiteRow {
  const details = readRequisiteDetails(r.details);
  return {
    id: r.id,
    type: r.type,
    bankName: r.bank?.name ?? null,
    maskedNumber: maskRequisiteNumber(details.number),
    holder: details.holder,
    status: r.status,
    blockedReason: r.status === "blocked" ? r.blockedReason : null,
    limits: r.settings
      ? {
          currencyCode: r.settings.currency.code,
          exponent: r.settings.currency.exponent,
          minAmount: r.settings.minAmount.toString(),
          maxAmount: r.settings.maxAmount.toString(),
          dailyLimit: r.settings.dailyLimit.toString(),
          monthlyLimit: r.settings.monthlyLimit?.toString() ?? null,
          dailyCountLimit: r.settings.dailyCountLimit,
        }
      : null,
    usage: {
      usedToday: (usage?.used_today ?? 0n).toString(),
      countToday: usage?.count_today ?? 0,
      usedThisMonth: (usage?.used_month ?? 0n).toString(),
      openOrders: usage?.open_count ?? 0,
    },
  };
}
