import "server-only";
import { claimDueCallbacks } from "./claim-due-callbacks";
import { deliveryContext, processClaimedCallback, type DeliveryContext, type DeliveryOptions, type DeliveryResult } from "./process-claimed-callback";

const finished = (result: DeliveryResult | null) => result === "delivered" || result === "failed";

/** Delivers the order's following callbacks, one at a time, while each one finishes. */
async function continueOrder(orderId: string, context: DeliveryContext): Promise<void> {
  for (;;) {
    const [next] = await claimDueCallbacks({ now: context.clock(), limit: 1, leaseMs: context.leaseMs, perStoreCap: context.perStoreCap, orderId });
    if (!next || !finished(await processClaimedCallback(next, context))) return;
  }
}

/**
 * Attempts one callback now (an event-driven run, a resend) if it is claimable: due, not
 * leased by another worker, and the lowest unfinished of its order (`manual`, a merchant's
 * resend: also while the store's breaker is open or its cap reached; see claimDueCallbacks). Once it finishes, the
 * order's next callbacks follow at once, so a burst of status changes goes out in order
 * without waiting for the sweep. Returns the callback's result, or null when it was not
 * claimable (the sweep, deliverDueCallbacks, takes care of it when it becomes so).
 */
export async function deliverCallback(id: bigint, options: DeliveryOptions & { manual?: boolean } = {}): Promise<DeliveryResult | null> {
  const context = await deliveryContext(options);
  const [row] = await claimDueCallbacks({ now: context.clock(), limit: 1, leaseMs: context.leaseMs, perStoreCap: context.perStoreCap, id, manual: options.manual });
  if (!row) return null;
  const result = await processClaimedCallback(row, context);
  if (finished(result)) await continueOrder(row.orderId, context);
  return result;
}

/**
 * Delivers the order's due callbacks now, in sequence, as far as they go (an event-driven run
 * after a status change). Whatever is not due or fails is left to the sweep's schedule.
 */
export async function deliverOrderCallbacks(orderId: string, options: DeliveryOptions = {}): Promise<void> {
  await continueOrder(orderId, await deliveryContext(options));
}
