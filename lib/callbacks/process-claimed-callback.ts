import "server-only";
import { readSettings, type Settings } from "@/lib/settings/read-settings";
import type { ClaimedCallback } from "./claim-due-callbacks";
import { nextDeliveryState } from "./next-delivery-state";
import { recordAttempt, recordNoCallbackUrl } from "./record-attempt";
import { sendCallback } from "./send-callback";

/** How a delivery attempt left its callback: delivered (2xx), retried later, or failed for good. */
export type DeliveryResult = "delivered" | "retried" | "failed";

export interface DeliveryOptions {
  /** The delivery's clock (due rows, leases, backoff, max age); the real time when omitted. */
  now?: Date;
  /** Per-request timeout; 10 s by default (tests shorten it). */
  timeoutMs?: number;
}

export interface DeliveryContext {
  settings: Settings;
  clock: () => Date;
  timeoutMs: number;
  /** A claim's lease: the request's timeout plus ample room for DNS and recording the outcome. */
  leaseMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const LEASE_MARGIN_MS = 50_000;

const RESULT = { succeeded: "delivered", pending: "retried", failed: "failed" } as const;

export async function deliveryContext(options: DeliveryOptions): Promise<DeliveryContext> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return { settings: await readSettings(), clock: () => options.now ?? new Date(), timeoutMs, leaseMs: timeoutMs + LEASE_MARGIN_MS };
}

/**
 * Sends one claimed callback and records the attempt and the callback's next state. A store
 * without a callback URL fails the callback at once (`no_callback_url`) rather than keeping it
 * for a URL set later: stale status changes arriving in a burst would mislead more than they
 * help, later changes are still sent, and the merchant can resend any of them. Returns null
 * when the lease was lost meanwhile (another worker now owns the row). Throws only when the
 * outcome cannot be recorded; the row then stays leased and is retried after the lease.
 */
export async function processClaimedCallback(row: ClaimedCallback, context: DeliveryContext): Promise<DeliveryResult | null> {
  if (!row.callbackUrl) return (await recordNoCallbackUrl(row)) ? "failed" : null;
  const { settings } = context;
  const outcome = await sendCallback(row, row.callbackUrl, { settings, now: context.clock(), timeoutMs: context.timeoutMs });
  const at = context.clock();
  const state = nextDeliveryState({
    ok: outcome.error === null,
    attempts: row.attempts,
    createdAt: row.createdAt,
    at,
    retryScheduleSeconds: settings["callbacks.retry_schedule_seconds"],
    maxAgeHours: settings["callbacks.max_age_hours"],
  });
  return (await recordAttempt(row, outcome, state, at)) ? RESULT[state.status] : null;
}
