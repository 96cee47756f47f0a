import { prisma } from "@/lib/db/client";
import { expireOrder } from "@/lib/orders/expire-due-orders";
import { retryMatch } from "@/lib/matching/retry-due-matches";
import { settle } from "./outcome";
import type { Attempt } from "./execute-step";

/** At most this many events are delivered after one step; the rest wait like lost ones. */
const EVENTS_PER_STEP = 10;

/**
 * In process there is no Inngest, so events are modelled here: a delivered event is the
 * event-driven path (expireOrder, retryMatch) run for an order whose deadline or next match
 * attempt is due. The step decides (from the seed) whether its events are delivered; when they
 * are lost, only the sweeps will find those orders.
 */
export async function deliverDueEvents(now: Date): Promise<Attempt[]> {
  const due = await prisma.$queryRawUnsafe<{ id: string; path: "expire" | "retry" }[]>(
    `(SELECT id, 'expire' AS path FROM incoming_orders
       WHERE status IN ('awaiting_payment', 'assigned', 'paid') AND expires_at <= $1 ORDER BY expires_at, length(merchant_order_id), merchant_order_id LIMIT $2)
     UNION ALL
     (SELECT id, 'retry' FROM incoming_orders WHERE status = 'created' AND next_match_at <= $1 ORDER BY next_match_at, length(merchant_order_id), merchant_order_id LIMIT $2)`,
    now,
    EVENTS_PER_STEP,
  );
  const attempts: Attempt[] = [];
  for (const { id, path } of due.slice(0, EVENTS_PER_STEP)) {
    const outcome = await settle(path === "expire" ? expireOrder(id, now) : retryMatch(id, now));
    attempts.push({ label: `event_${path}`, outcome });
  }
  return attempts;
}
