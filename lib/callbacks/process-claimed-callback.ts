import "server-only";
import { metrics } from "@/lib/observability/metrics";
import { readSettings, type Settings } from "@/lib/settings/read-settings";
import type { ClaimedCallback } from "./claim-due-callbacks";
import { nextDeliveryState, type DeliveryState } from "./next-delivery-state";
import { recordAttempt, recordNoCallbackUrl } from "./record-attempt";
import { breakerSettings } from "./record-endpoint-outcome";
import { sendCallback, type AttemptOutcome } from "./send-callback";

/** How a delivery attempt left its callback: delivered (2xx), retried later, or failed for good. */
export type DeliveryResult = "delivered" | "retried" | "failed";

export interface DeliveryOptions {
  /** The delivery's clock (due rows, leases, backoff, max age); the real time when omitted. */
  now?: Date;
  /** Per-request timeout; callbacks.response_timeout_ms by default (tests shorten it). */
  timeoutMs?: number;
}

export interface DeliveryContext {
  settings: Settings;
  clock: () => Date;
  /** Until the response's headers (callbacks.response_timeout_ms). */
  timeoutMs: number;
  /** Until the TCP connection is up (callbacks.connect_timeout_ms). */
  connectTimeoutMs: number;
  /** A claim's lease: the request's timeout plus room for DNS and recording the outcome. */
  leaseMs: number;
  /** callbacks.max_in_flight_per_store */
  perStoreCap: number;
}

// Short, because a claim held by an instance that crashed counts against its store's in-flight
// cap until the lease ends; a late outcome past it is fenced off and the callback sent again.
const LEASE_MARGIN_MS = 10_000;

const RESULT = { succeeded: "delivered", pending: "retried", failed: "failed" } as const;

export async function deliveryContext(options: DeliveryOptions): Promise<DeliveryContext> {
  const settings = await readSettings();
  const timeoutMs = options.timeoutMs ?? settings["callbacks.response_timeout_ms"];
  return {
    settings,
    clock: () => options.now ?? new Date(),
    timeoutMs,
    connectTimeoutMs: Math.min(settings["callbacks.connect_timeout_ms"], timeoutMs),
    leaseMs: timeoutMs + LEASE_MARGIN_MS,
    perStoreCap: settings["callbacks.max_in_flight_per_store"],
  };
}

/**
 * Sends one claimed callback and records the attempt and the callback's next state. A store
 * without a callback URL fails the callback at once (`no_callback_url`) rather than keeping it
 * for a URL set later: stale status changes arriving in a burst would mislead more than they
 * help, later changes are still sent, and the merchant can resend any of them. Returns null
 * when the lease was lost meanwhile (another worker now owns the row). Throws only when the
 * outcome cannot be recorded; the row then stays leased and is retried after the lease.
 *
 * The attempt also moves the store's endpoint breaker, in its transaction. A probe of an
 * open breaker that finds the endpoint still unreachable is recorded in the attempt log but
 * not counted: the callback keeps its attempts and its due time, so a paused store's callbacks
 * keep their order and their retries for when the endpoint is back.
 */
export async function processClaimedCallback(row: ClaimedCallback, context: DeliveryContext): Promise<DeliveryResult | null> {
  if (!row.callbackUrl) return (await recordNoCallbackUrl(row)) ? "failed" : null;
  const { settings } = context;
  const outcome = await sendCallback(row, row.callbackUrl, { settings, now: context.clock(), timeoutMs: context.timeoutMs, connectTimeoutMs: context.connectTimeoutMs });
  const at = context.clock();
  const state = deliveryStateAfter(row, outcome, at, settings);
  const recorded = await recordAttempt(row, outcome, state, at, { counted: !(row.probe && outcome.unreachable), breaker: breakerSettings(settings) });
  if (state.status === "succeeded") metrics().callbackDeliveryLatency.observe({ store_id: String(row.storeId) }, Math.max(0, at.getTime() - row.nextAttemptAt.getTime()) / 1000);
  return recorded ? RESULT[state.status] : null;
}

function deliveryStateAfter(row: ClaimedCallback, outcome: AttemptOutcome, at: Date, settings: Settings): DeliveryState {
  const state = nextDeliveryState({
    ok: outcome.error === null,
    attempts: row.attempts,
    createdAt: row.createdAt,
    at,
    retryScheduleSeconds: settings["callbacks.retry_schedule_seconds"],
    maxAgeHours: settings["callbacks.max_age_hours"],
  });
  // An uncounted probe: due again when it was, unless its deadline has passed.
  if (row.probe && outcome.unreachable && state.status === "pending") return { status: "pending", nextAttemptAt: row.nextAttemptAt };
  return state;
}
