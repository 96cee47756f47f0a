import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { lockOrder, type LockedOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { endLockedOrder } from "./end-order";
import { sweepDueOrders } from "./sweep-due-orders";
import { completePayout } from "./complete-payout";

export type DeadlineOutcome = "expired" | "disputed" | "completed";

/**
 * What a passed deadline does, per docs/design.md's lifecycle. While no money has moved (a pay-in
 * `awaiting_payment`, a payout `assigned`) the order expires and every hold is released. A
 * `paid` pay-in cannot simply expire — the customer says they paid and the trader has not
 * confirmed — so it becomes `disputed` with its holds in place, for support to decide. A `paid`
 * payout's deadline is the end of the merchant's confirmation window: nobody disputed the
 * trader's receipt, so it completes.
 */
const DEADLINES: Record<OrderType, Partial<Record<OrderStatus, DeadlineOutcome>>> = {
  payin: { awaiting_payment: "expired", paid: "disputed" },
  payout: { assigned: "expired", paid: "completed" },
};

const STATUSES_WITH_DEADLINE = [...new Set(Object.values(DEADLINES).flatMap((byStatus) => Object.keys(byStatus)))];

const DISPUTE_REASON = "The customer reported the payment, but the trader did not confirm it before the deadline.";

/**
 * Applies the deadline to an order, under its lock: the status and deadline read here are the
 * ones the change replaces, so a trader's confirmation racing the timeout either committed
 * first (the order is no longer open: null) or waits and then finds the order ended.
 */
async function applyDeadline(tx: Tx, id: string, now: Date): Promise<DeadlineOutcome | null> {
  const order = await lockOrder(tx, id);
  const outcome = DEADLINES[order.type][order.status];
  if (!outcome || !order.expires_at || order.expires_at > now) return null;
  if (outcome === "expired") await endLockedOrder(tx, order, "expired", SYSTEM_ACTOR, { now });
  else if (outcome === "completed") await completePayout(tx, order, SYSTEM_ACTOR, "No dispute within the confirmation window.");
  else await escalate(tx, order);
  return outcome;
}

/** paid → disputed with a dispute opened by the platform; the holds stay until support resolves it. */
async function escalate(tx: Tx, order: LockedOrder) {
  await transitionOrder(tx, { order, to: "disputed", actor: SYSTEM_ACTOR, note: DISPUTE_REASON, patch: { expiresAt: null } });
  await tx.dispute.create({ data: { orderId: order.id, openedVia: "system", reason: DISPUTE_REASON } });
}

/**
 * The event-driven path: applies one order's deadline if it has passed. Returns what happened,
 * or null when the order is no longer open or not yet due (a sweep or the trader got there
 * first); an unknown id is `order_not_found`.
 */
export function expireOrder(id: string, now = new Date()): Promise<DeadlineOutcome | null> {
  return runTransaction((tx) => applyDeadline(tx, id, now));
}

/**
 * The sweep: applies every passed deadline (up to `limit` orders per call), each order in its
 * own transaction. Finds due orders through the (status, expires_at) index; safe to run in
 * parallel with other sweeps and with expireOrder.
 */
export function expireDueOrders(options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date();
  return sweepDueOrders<DeadlineOutcome>({
    limit: options.limit ?? 100,
    counts: { expired: 0, disputed: 0, completed: 0 },
    // No ORDER BY: the index returns each status's rows oldest deadline first, and stopping at
    // the first unlocked one keeps every pick cheap however many orders are overdue.
    pick: async (tx, handled) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM incoming_orders
        WHERE status = ANY(${STATUSES_WITH_DEADLINE}::order_status[]) AND expires_at <= ${now}
          AND id <> ALL(${handled}::text[])
        LIMIT 1 FOR UPDATE SKIP LOCKED`;
      return rows[0]?.id;
    },
    handle: (tx, id) => applyDeadline(tx, id, now),
  });
}
