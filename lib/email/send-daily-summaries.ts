import "server-only";
import { prisma } from "@/lib/db/client";
import type { DailySummaryRow } from "./templates/daily-summary";
import { appUrl } from "./app-url";
import { enqueueEmail } from "./enqueue-email";
import { notifyEmailsQueued } from "./notify-emails-queued";

const DAY_MS = 24 * 60 * 60_000;

type SummaryRow = DailySummaryRow & { userId: number };

/**
 * One day's numbers for the given merchants, per merchant, currency and order type, read
 * from the orders themselves (bounded by the day through the created_at and order_history
 * status/processed_at indexes) so the summary does not depend on the metrics sweep having run.
 */
function summaryRows(userIds: number[], start: Date, end: Date): Promise<SummaryRow[]> {
  return prisma.$queryRaw<SummaryRow[]>`
    WITH created AS (
      SELECT s.user_id, o.currency_id, o.type, count(*)::int AS created,
             (count(*) FILTER (WHERE o.status = 'completed'))::int AS created_and_completed
      FROM incoming_orders o JOIN merchant_store s ON s.id = o.store_id
      -- Live stores only: a sandbox store's test orders are not the merchant's business numbers.
      WHERE s.user_id = ANY(${userIds}::int[]) AND NOT s.is_sandbox AND o.created_at >= ${start} AND o.created_at < ${end}
      GROUP BY 1, 2, 3
    ), completed AS (
      SELECT s.user_id, o.currency_id, o.type, count(*)::int AS completed, sum(o.amount)::bigint AS turnover
      FROM order_history h
      JOIN incoming_orders o ON o.id = h.incoming_order_id
      JOIN merchant_store s ON s.id = o.store_id
      WHERE h.status = 'completed' AND h.processed_at >= ${start} AND h.processed_at < ${end} AND s.user_id = ANY(${userIds}::int[]) AND NOT s.is_sandbox
      GROUP BY 1, 2, 3
    ), keys AS (
      SELECT user_id, currency_id, type FROM created UNION SELECT user_id, currency_id, type FROM completed
    )
    SELECT k.user_id AS "userId", k.type::text AS type, c.code AS currency, c.exponent::int AS exponent,
           coalesce(cr.created, 0) AS created, coalesce(cr.created_and_completed, 0) AS "createdAndCompleted",
           coalesce(co.completed, 0) AS completed, coalesce(co.turnover, 0)::bigint AS turnover
    FROM keys k
    JOIN currencies c ON c.id = k.currency_id
    LEFT JOIN created cr ON cr.user_id = k.user_id AND cr.currency_id = k.currency_id AND cr.type = k.type
    LEFT JOIN completed co ON co.user_id = k.user_id AND co.currency_id = k.currency_id AND co.type = k.type
    ORDER BY k.user_id, c.code, k.type`;
}

/**
 * Queues yesterday's (UTC) summary for every active merchant who opted in. Idempotent: the
 * email's dedupe key is the merchant and the day, so running it every few minutes — or from
 * two processes at once — queues one summary per merchant per day.
 */
export async function sendDailySummaries(options: { now?: Date } = {}): Promise<{ day: string; queued: number }> {
  const now = options.now ?? new Date();
  const end = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const start = new Date(end.getTime() - DAY_MS);
  const day = start.toISOString().slice(0, 10);
  const dedupeKey = (userId: number) => `daily_summary:${userId}:${day}`;

  const merchants = await prisma.user.findMany({
    where: { dailySummaryOptIn: true, isActive: true, role: { name: "merchant" } },
    select: { id: true, email: true, name: true },
    orderBy: { id: "asc" },
  });
  const done = new Set(
    (await prisma.emailOutbox.findMany({ where: { dedupeKey: { in: merchants.map((m) => dedupeKey(m.id)) } }, select: { dedupeKey: true } })).map((e) => e.dedupeKey),
  );
  const pending = merchants.filter((m) => !done.has(dedupeKey(m.id)));
  if (pending.length === 0) return { day, queued: 0 };

  const rows = await summaryRows(pending.map((m) => m.id), start, end);
  const emailIds: (bigint | null)[] = [];
  for (const merchant of pending) {
    emailIds.push(
      await enqueueEmail(prisma, {
        to: merchant.email,
        template: "daily_summary",
        data: { name: merchant.name, day, rows: rows.filter((row) => row.userId === merchant.id), cabinetUrl: appUrl("/merchant") },
        dedupeKey: dedupeKey(merchant.id),
        now,
      }),
    );
  }
  await notifyEmailsQueued(emailIds);
  return { day, queued: emailIds.filter((id) => id !== null).length };
}
