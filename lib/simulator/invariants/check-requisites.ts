import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Violation } from "./facts";

const OPEN = "('awaiting_payment','assigned','paid','disputed')";
const COUNTED = "('awaiting_payment','assigned','paid','disputed','completed')";

/**
 * Invariant 4 for the requisites a step touched: open orders ≤ max_open_orders_per_requisite,
 * no two open orders with the same amount, today's volume and count within the daily limits.
 * Only the platform's own routing is judged: a pay-in disputed after it ended (the customer
 * paid late, ended_at is set) comes back on the requisite without being matched, so it is left
 * out. Limits can only be passed at a match, which happens on the virtual "today".
 */
export async function checkRequisites(prisma: PrismaClient, requisiteIds: number[], maxOpen: number, now: Date): Promise<Violation[]> {
  if (!requisiteIds.length) return [];
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const rows = await prisma.$queryRawUnsafe<
    { id: number; open_count: number; same_amount: number; used_today: string; count_today: number; daily_limit: string; daily_count_limit: number | null; out_of_bounds: number }[]
  >(
    `SELECT r.id, s.daily_limit::text, s.daily_count_limit,
            (SELECT count(*) FROM incoming_orders o WHERE o.requisite_id = r.id AND o.status IN ${OPEN} AND o.ended_at IS NULL)::int AS open_count,
            (SELECT COALESCE(max(n), 0) FROM (SELECT count(*) AS n FROM incoming_orders o
               WHERE o.requisite_id = r.id AND o.status IN ${OPEN} AND o.ended_at IS NULL GROUP BY o.amount) x)::int AS same_amount,
            (SELECT COALESCE(sum(o.amount), 0) FROM incoming_orders o
               WHERE o.requisite_id = r.id AND o.matched_at >= $2 AND o.status IN ${COUNTED} AND o.ended_at IS NULL)::text AS used_today,
            (SELECT count(*) FROM incoming_orders o
               WHERE o.requisite_id = r.id AND o.matched_at >= $2 AND o.status IN ${COUNTED} AND o.ended_at IS NULL)::int AS count_today,
            (SELECT count(*) FROM incoming_orders o WHERE o.requisite_id = r.id AND o.matched_at >= $2 AND o.status IN ${OPEN}
               AND (o.amount < s.min_amount OR o.amount > s.max_amount))::int AS out_of_bounds
     FROM req_trader r JOIN full_requisites_settings s ON s.req_id = r.id WHERE r.id = ANY($1::int[])`,
    requisiteIds,
    dayStart,
  );
  const found: Violation[] = [];
  const fail = (id: number, detail: string) => found.push({ invariant: "4 requisite limits", detail: `requisite ${id}: ${detail}` });
  for (const r of rows) {
    if (r.open_count > maxOpen) fail(r.id, `${r.open_count} open orders (max ${maxOpen})`);
    if (r.same_amount > 1) fail(r.id, `${r.same_amount} open orders with the same amount`);
    if (BigInt(r.used_today) > BigInt(r.daily_limit)) fail(r.id, `today's volume ${r.used_today} above daily_limit ${r.daily_limit}`);
    if (r.daily_count_limit !== null && r.count_today > r.daily_count_limit) fail(r.id, `${r.count_today} orders today (daily_count_limit ${r.daily_count_limit})`);
    if (r.out_of_bounds > 0) fail(r.id, `${r.out_of_bounds} open order(s) outside min/max amount`);
  }
  return found;
}
