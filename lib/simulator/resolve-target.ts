import { prisma } from "@/lib/db/client";
import type { Queue, Target } from "./ops";

const QUEUE_FILTERS: Record<Queue, string> = {
  disputes: "status = 'disputed'",
  offers: "type = 'payout' AND status = 'created' AND offered_trader_id IS NOT NULL",
  assigned: "type = 'payout' AND status = 'assigned'",
  paid_payouts: "type = 'payout' AND status = 'paid'",
  open_payins: "type = 'payin' AND status IN ('awaiting_payment', 'paid')",
};

/** The order id a move is aimed at now: the slot's order, or the queue's `pick`-th entry (oldest first; ties by the simulator's merchant order id, so that the pick does not depend on random order ids); null if none. */
export async function resolveTarget(target: Target, slots: (string | null)[]): Promise<string | null> {
  if ("slot" in target) return slots[target.slot] ?? null;
  const [row] = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY created_at, length(merchant_order_id), merchant_order_id) - 1 AS n, count(*) OVER () AS total
                     FROM incoming_orders WHERE ${QUEUE_FILTERS[target.queue]}) q
     WHERE n = $1 % total`,
    target.pick,
  );
  return row?.id ?? null;
}
