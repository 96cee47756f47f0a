import "server-only";
import { log } from "@/lib/observability/logger";
import { claimDueCallbacks } from "./claim-due-callbacks";
import { deliveryContext, processClaimedCallback, type DeliveryOptions, type DeliveryResult } from "./process-claimed-callback";

export type DeliveryCounts = Record<DeliveryResult, number>;

const DEFAULT_LIMIT = 100;
/** Callbacks of different orders sent at the same time. */
const CONCURRENCY = 20;

/**
 * The sweep: claims due callbacks (see claimDueCallbacks for which) in batches and delivers
 * each batch concurrently — one callback per order at a time, so order is kept — until
 * nothing is due or `limit` callbacks were handled. A success makes the order's next callback
 * due in the following batch. A callback whose outcome could not be recorded is logged and
 * left leased; a later sweep claims it again when the lease expires (the receiver may then see
 * its webhook-id twice, which Standard Webhooks allows). Returns what happened to the rest.
 */
export async function deliverDueCallbacks(options: DeliveryOptions & { limit?: number } = {}): Promise<DeliveryCounts> {
  const context = await deliveryContext(options);
  const counts: DeliveryCounts = { delivered: 0, retried: 0, failed: 0 };
  let budget = options.limit ?? DEFAULT_LIMIT;
  while (budget > 0) {
    const batch = await claimDueCallbacks({ now: context.clock(), limit: Math.min(budget, CONCURRENCY), leaseMs: context.leaseMs });
    if (batch.length === 0) break;
    budget -= batch.length;
    const results = await Promise.allSettled(batch.map((row) => processClaimedCallback(row, context)));
    results.forEach((result, i) => {
      if (result.status === "rejected") log.error({ err: result.reason, delivery_id: String(batch[i].id) }, "could not record a callback delivery; retried after its lease");
      else if (result.value) counts[result.value] += 1;
    });
  }
  return counts;
}
