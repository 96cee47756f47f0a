import "server-only";
import { prisma } from "@/lib/db/client";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { settlementCurrency } from "@/lib/currencies/settlement-currency";

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** How many buckets each granularity shows, ending with the current one. */
const BUCKETS: Record<Granularity, number> = { day: 30, week: 12, month: 12 };
const TOP = 10;

export interface Counts {
  created: number;
  completed: number;
  /** Ended without completing: failed, expired or cancelled. */
  failed: number;
  /** Completed orders' USDT value and the platform's profit on them, in micro-USDT. */
  volume: bigint;
  profit: bigint;
}

export interface Bucket extends Counts {
  /** First UTC day of the bucket, YYYY-MM-DD. */
  start: string;
}

export interface Breakdown extends Counts {
  key: string;
  /** Store name, teamlead username or currency code; null for "no team". */
  label: string | null;
}

export interface CurrencyBreakdown extends Breakdown {
  code: string;
  exponent: number;
  /** Completed fiat amount in this currency's minor units. */
  fiatVolume: bigint;
}

export interface FailureReason {
  status: "failed" | "expired" | "cancelled";
  /** failure_reason of failed orders; who cancelled (order_history.actor_type) for cancellations; null for expiries. */
  reason: string | null;
  count: number;
}

export interface PlatformDashboard {
  granularity: Granularity;
  /** First and last UTC day covered, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The currency of volume, profit and rewards (USDT). */
  settlement: { code: string; exponent: number };
  totals: Counts & { traderReward: bigint; completionSeconds: bigint };
  series: Bucket[];
  byCurrency: CurrencyBreakdown[];
  byStore: Breakdown[];
  byTeam: Breakdown[];
  failureReasons: FailureReason[];
  platformBalances: { code: string; exponent: number; available: bigint; held: bigint }[];
  /** Orders open right now (live, from the status index). */
  openOrders: number;
  /** When today's metrics were last recomputed (the sweep refreshes them every minute). */
  refreshedAt: Date | null;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of the bucket holding `day` (weeks start on Monday, as PostgreSQL's date_trunc). */
function bucketStart(day: Date, granularity: Granularity): Date {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  if (granularity === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (granularity === "month") d.setUTCDate(1);
  return d;
}

/** The starts of the last `n` buckets up to the one holding `now`, oldest first. */
export function bucketStarts(granularity: Granularity, now: Date, n = BUCKETS[granularity]): string[] {
  const starts: string[] = [];
  const last = bucketStart(now, granularity);
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(last);
    if (granularity === "day") d.setUTCDate(d.getUTCDate() - i);
    if (granularity === "week") d.setUTCDate(d.getUTCDate() - 7 * i);
    if (granularity === "month") d.setUTCMonth(d.getUTCMonth() - i);
    starts.push(isoDay(d));
  }
  return starts;
}

interface CountsRow {
  created: number;
  completed: number;
  failed: number;
  volume: bigint;
  profit: bigint;
}

const counts = (row: CountsRow | undefined): Counts => ({
  created: row?.created ?? 0,
  completed: row?.completed ?? 0,
  failed: row?.failed ?? 0,
  volume: row?.volume ?? 0n,
  profit: row?.profit ?? 0n,
});

// The counts every piece sums over daily_metrics, and the days it reads ($1 and $2).
const SUMS = `sum(created_count)::int AS created, sum(completed_count)::int AS completed, sum(failed_count)::int AS failed,
              sum(completed_crypto)::bigint AS volume, sum(platform_profit)::bigint AS profit`;
// Sandbox stores' test money is no platform volume: their rows (in daily_metrics and
// daily_failure_reasons alike) are left out of every platform number.
const IN_RANGE = `day BETWEEN $1::date AND $2::date AND store_id NOT IN (SELECT id FROM merchant_store WHERE is_sandbox)`;

/**
 * The platform's numbers over the last 30 days, 12 weeks or 12 months: totals, a series per
 * bucket, breakdowns by currency, store and team, and the top failure reasons — all from the
 * daily tables daily_metrics and daily_failure_reasons (read through their (day, …) unique
 * indexes, never the orders) — plus the platform balances and the live count of open orders.
 * For an active admin.
 */
export async function getPlatformDashboard(adminUserId: number, granularity: Granularity, now = new Date()): Promise<PlatformDashboard> {
  await assertAdmin(prisma, { userId: adminUserId });
  const starts = bucketStarts(granularity, now);
  const from = starts[0];
  const to = isoDay(now);

  const [totals, series, byCurrency, byStore, byTeam, failureReasons, platformBalances, openOrders, refreshedAt, usdt] = await Promise.all([
    readTotals(from, to),
    readSeries(from, to, granularity, starts),
    readByCurrency(from, to),
    readByStore(from, to),
    readByTeam(from, to),
    readFailureReasons(from, to),
    readPlatformBalances(),
    prisma.incomingOrder.count({ where: { status: { in: [...OPEN_STATUSES] }, store: { isSandbox: false } } }),
    readRefreshedAt(to),
    settlementCurrency(),
  ]);
  return {
    granularity,
    from,
    to,
    settlement: { code: usdt.code, exponent: usdt.exponent },
    totals,
    series,
    byCurrency,
    byStore,
    byTeam,
    failureReasons,
    platformBalances,
    openOrders,
    refreshedAt,
  };
}

async function readTotals(from: string, to: string): Promise<PlatformDashboard["totals"]> {
  const [total] = await prisma.$queryRawUnsafe<(CountsRow & { reward: bigint; seconds: bigint })[]>(
    `SELECT ${SUMS}, sum(trader_reward)::bigint AS reward, sum(completion_seconds_sum)::bigint AS seconds FROM daily_metrics WHERE ${IN_RANGE}`,
    from,
    to,
  );
  return { ...counts(total), traderReward: total?.reward ?? 0n, completionSeconds: total?.seconds ?? 0n };
}

/** One bucket per start, empty buckets included. */
async function readSeries(from: string, to: string, granularity: Granularity, starts: string[]): Promise<Bucket[]> {
  const rows = await prisma.$queryRawUnsafe<(CountsRow & { start: string })[]>(
    `SELECT to_char(date_trunc($3, day), 'YYYY-MM-DD') AS start, ${SUMS} FROM daily_metrics WHERE ${IN_RANGE} GROUP BY 1`,
    from,
    to,
    granularity,
  );
  const byStart = new Map(rows.map((row) => [row.start, row]));
  return starts.map((start) => ({ start, ...counts(byStart.get(start)) }));
}

async function readByCurrency(from: string, to: string): Promise<CurrencyBreakdown[]> {
  const rows = await prisma.$queryRawUnsafe<(CountsRow & { key: number; code: string; exponent: number; fiat: bigint })[]>(
    `SELECT m.currency_id AS key, c.code, c.exponent, m.created, m.completed, m.failed, m.volume, m.profit, m.fiat
     FROM (SELECT currency_id, ${SUMS}, sum(completed_amount)::bigint AS fiat FROM daily_metrics WHERE ${IN_RANGE} GROUP BY currency_id) m
     JOIN currencies c ON c.id = m.currency_id
     ORDER BY m.volume DESC, c.code`,
    from,
    to,
  );
  return rows.map((row) => ({ key: String(row.key), label: row.code, code: row.code, exponent: row.exponent, fiatVolume: row.fiat, ...counts(row) }));
}

/** The TOP stores by volume. */
async function readByStore(from: string, to: string): Promise<Breakdown[]> {
  const rows = await prisma.$queryRawUnsafe<(CountsRow & { key: number; label: string })[]>(
    `SELECT m.store_id AS key, s.name AS label, m.created, m.completed, m.failed, m.volume, m.profit
     FROM (SELECT store_id, ${SUMS} FROM daily_metrics WHERE ${IN_RANGE} GROUP BY store_id ORDER BY volume DESC, created DESC LIMIT ${TOP}) m
     JOIN merchant_store s ON s.id = m.store_id
     ORDER BY m.volume DESC, m.created DESC`,
    from,
    to,
  );
  return rows.map((row) => ({ key: String(row.key), label: row.label, ...counts(row) }));
}

/**
 * The TOP teams by volume. Orders no trader took (trader_id 0) and traders outside any team
 * share the "no team" row.
 */
async function readByTeam(from: string, to: string): Promise<Breakdown[]> {
  const rows = await prisma.$queryRawUnsafe<(CountsRow & { key: number | null; label: string | null })[]>(
    `SELECT t.team_lead_id AS key, tl.username AS label, ${SUMS}
     FROM daily_metrics m
     LEFT JOIN trader t ON t.id = m.trader_id
     LEFT JOIN teamleads tl ON tl.id = t.team_lead_id
     WHERE m.${IN_RANGE}
     GROUP BY t.team_lead_id, tl.username
     ORDER BY volume DESC, created DESC
     LIMIT ${TOP}`,
    from,
    to,
  );
  return rows.map((row) => ({ key: String(row.key ?? "none"), label: row.label, ...counts(row) }));
}

/** The TOP failure reasons. */
function readFailureReasons(from: string, to: string): Promise<FailureReason[]> {
  return prisma.$queryRawUnsafe<FailureReason[]>(
    `SELECT status::text AS status, NULLIF(reason, '') AS reason, sum(count)::int AS count
     FROM daily_failure_reasons WHERE ${IN_RANGE}
     GROUP BY 1, 2
     ORDER BY count DESC, 1, 2
     LIMIT ${TOP}`,
    from,
    to,
  );
}

async function readPlatformBalances(): Promise<PlatformDashboard["platformBalances"]> {
  const balances = await prisma.balancePlatform.findMany({
    select: { amount: true, held: true, currency: { select: { code: true, exponent: true } } },
    orderBy: { currencyId: "asc" },
  });
  return balances.map((b) => ({ code: b.currency.code, exponent: b.currency.exponent, available: b.amount, held: b.held }));
}

/** When the rows of yesterday and today were last recomputed. */
async function readRefreshedAt(to: string): Promise<Date | null> {
  const [refreshed] = await prisma.$queryRaw<{ at: Date | null }[]>`SELECT max(updated_at) AS at FROM daily_metrics WHERE day >= ${to}::date - 1`;
  return refreshed?.at ?? null;
}
