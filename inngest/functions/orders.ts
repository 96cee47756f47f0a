import { inngest } from "@/lib/jobs/inngest-client";
import { orderChanged, orderDeadlineSet, orderUnmatched } from "@/lib/jobs/order-events";
import { retryMatch } from "@/lib/matching/retry-due-matches";
import { expireOrder } from "@/lib/orders/expire-due-orders";
import { deliverOrderCallbacks } from "@/lib/callbacks/deliver-callback";

/** Enough rounds for any order.match_attempts the settings allow; the sweep finishes the rest. */
const MAX_MATCH_ROUNDS = 100;

/**
 * The clock a woken step acts on: never before the time it slept until. Inngest wakes at or
 * after it; a test engine that skips the sleep relies on it.
 */
const notBefore = (iso: string) => new Date(Math.max(Date.now(), Date.parse(iso)));

/**
 * Matching retries: sleeps until the order's next attempt is due, tries again with the engine
 * (retryMatch: matched, rescheduled with backoff, or failed once order.match_attempts /
 * order.match_window_seconds are used up) and repeats while it is rescheduled. A null result
 * means the order was handled meanwhile (matched by a sweep, cancelled): nothing to do.
 */
export const retryMatching = inngest.createFunction(
  { id: "retry-matching", name: "Retry matching an order", retries: 3, concurrency: { key: "event.data.orderId", limit: 1 }, triggers: [orderUnmatched] },
  async ({ event, step }) => {
    let due = event.data.nextMatchAt;
    for (let round = 1; round <= MAX_MATCH_ROUNDS; round++) {
      await step.sleepUntil(`wait-${round}`, due);
      const result = await step.run(`attempt-${round}`, () => retryMatch(event.data.orderId, notBefore(due)));
      if (!result) return "handled-elsewhere";
      if (result.outcome !== "rescheduled" || !result.nextMatchAt) return result.outcome;
      due = new Date(result.nextMatchAt).toISOString();
    }
    return "left-to-sweep";
  },
);

/**
 * Payment timeout: sleeps until the order's deadline, then applies it (expireOrder: expired
 * with holds released, or a paid order escalated to a dispute). A confirmation that committed
 * first makes it a no-op (null); one racing it loses or wins completely under the order lock.
 */
export const paymentTimeout = inngest.createFunction(
  { id: "payment-timeout", name: "Order deadline", retries: 3, triggers: [orderDeadlineSet] },
  async ({ event, step }) => {
    await step.sleepUntil("wait-for-deadline", event.data.expiresAt);
    return step.run("apply-deadline", async () => (await expireOrder(event.data.orderId, notBefore(event.data.expiresAt))) ?? "not-due");
  },
);

/**
 * Runs of the delivery function one store may have at once: Inngest's own flow control keeps
 * one store's burst (or its hanging endpoint) from taking every run, as
 * callbacks.max_in_flight_per_store does for the claims themselves (a function's limits are
 * fixed at registration, so this is the setting's default, not its current value).
 */
const DELIVERY_RUNS_PER_STORE = 10;

/**
 * Merchant callbacks: delivers the order's callbacks right after a status change, in order.
 * Failed attempts are rescheduled in the outbox and retried by the deliver-due-callbacks sweep.
 * Flow control: one run per order (its callbacks go out in sequence) and at most
 * DELIVERY_RUNS_PER_STORE per store; the claims inside still honour the store's cap and its
 * endpoint breaker (claimDueCallbacks), so a paused store's callbacks wait for the probe.
 */
export const deliverCallbacks = inngest.createFunction(
  {
    id: "deliver-callbacks",
    name: "Deliver an order's callbacks",
    retries: 3,
    concurrency: [
      { key: "event.data.orderId", limit: 1 },
      { key: "event.data.storeId", limit: DELIVERY_RUNS_PER_STORE },
    ],
    triggers: [orderChanged],
  },
  async ({ event, step }) => {
    await step.run("deliver", () => deliverOrderCallbacks(event.data.orderId));
  },
);

export const orderFunctions = [retryMatching, paymentTimeout, deliverCallbacks];
