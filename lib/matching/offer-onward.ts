import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Settings } from "@/lib/settings/read-settings";
import { emitAfterCommit } from "@/lib/db/run-transaction";
import { orderUnmatched } from "@/lib/jobs/order-events";
import type { LockedOrder } from "@/lib/orders/load-order";
import { attemptMatch } from "./retry-due-matches";

/**
 * A payout a trader declined or released (locked by the caller, `created`, that trader already
 * in its declined list) is offered to the next online trader at once; when none fits it waits
 * for the background retry like any unmatched order, or fails once its window is used up.
 */
export async function offerOnward(tx: Tx, order: LockedOrder, now: Date, settings: Settings) {
  const result = await attemptMatch(tx, order, now, settings);
  if (result.outcome === "rescheduled" && result.nextMatchAt) {
    const nextMatchAt = result.nextMatchAt.toISOString();
    emitAfterCommit(tx, orderUnmatched.create({ orderId: order.id, nextMatchAt }, { id: `order-unmatched-${order.id}-${nextMatchAt}` }));
  }
  return result;
}
