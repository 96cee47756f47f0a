import "server-only";
import { log } from "@/lib/observability/logger";
import { claimDueCallbacks, type ClaimedCallback } from "./claim-due-callbacks";
import { deliveryContext, processClaimedCallback, type DeliveryOptions, type DeliveryResult } from "./process-claimed-callback";

export type DeliveryCounts = Record<DeliveryResult, number>;

export interface PoolOptions extends DeliveryOptions {
  /** Callbacks to handle at most in this run (tests); unlimited by default. */
  limit?: number;
  /** Deliveries at once in this process; callbacks.concurrency by default. */
  slots?: number;
  /** Stop claiming after this long and let the deliveries in flight finish (an Inngest run must end); 50 s by default. */
  maxRunMs?: number;
  /** While slots are free and nothing was due, look again after this long. */
  pollMs?: number;
}

const MAX_RUN_MS = 50_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The delivery pool: a continuous worker pool over the outbox. Each free slot claims the next
 * callback at once (claimDueCallbacks: fair across stores, a per-store cap, open breakers
 * skipped), so a finished delivery frees its slot for whoever is due next and no delivery
 * waits for a slow one beside it; a hanging endpoint holds at most its store's cap of slots.
 * A success makes the order's next callback due, and it is claimed on the next turn. The run
 * ends when nothing is in flight and nothing is due (or `limit` / `maxRunMs` is used up); the
 * sweep starts it again on its next tick. A callback whose outcome could not be recorded is
 * logged and left leased; it is claimed again when the lease expires (the receiver may then
 * see its webhook-id twice, which Standard Webhooks allows). Returns what happened.
 */
export async function deliverDueCallbacks(options: PoolOptions = {}): Promise<DeliveryCounts> {
  const context = await deliveryContext(options);
  const slots = options.slots ?? context.settings["callbacks.concurrency"];
  const stopClaimingAt = Date.now() + (options.maxRunMs ?? MAX_RUN_MS);
  const pollMs = options.pollMs ?? POLL_MS;
  const counts: DeliveryCounts = { delivered: 0, retried: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  let budget = options.limit ?? Number.POSITIVE_INFINITY;

  const start = (row: ClaimedCallback) => {
    const delivery = processClaimedCallback(row, context).then(
      (result) => {
        if (result) counts[result] += 1;
      },
      (error: unknown) => log.error({ err: error, delivery_id: String(row.id) }, "could not record a callback delivery; retried after its lease"),
    );
    const tracked = delivery.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  for (;;) {
    const free = Math.min(slots - inFlight.size, budget);
    const claiming = free > 0 && Date.now() < stopClaimingAt;
    const batch = claiming
      ? await claimDueCallbacks({ now: context.clock(), limit: free, leaseMs: context.leaseMs, perStoreCap: context.perStoreCap })
      : [];
    budget -= batch.length;
    batch.forEach(start);
    if (inFlight.size === 0 && batch.length === 0) return counts;
    // Every slot busy, or all that was due taken: wait for a delivery to finish (it may make
    // its order's next callback due) or, with slots free, for new work to become due.
    if (batch.length < free || !claiming) await Promise.race(claiming ? [...inFlight, sleep(pollMs)] : [...inFlight]);
  }
}
