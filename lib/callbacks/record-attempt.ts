import "server-only";
import { prisma } from "@/lib/db/client";
import type { ClaimedCallback } from "./claim-due-callbacks";
import type { DeliveryState } from "./next-delivery-state";
import { endpointOutcomeStatement, type BreakerSettings } from "./record-endpoint-outcome";
import type { AttemptOutcome } from "./send-callback";

/** The width of callback_attempts.error and callback_deliveries.last_error. */
const MAX_ERROR_LENGTH = 1000;
const MAX_URL_LENGTH = 2048;

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Appends the attempt to callback_attempts and moves the callback to its next state, in one
 * transaction. The state changes only while the claim's lease is still ours (fencing on
 * locked_until): a worker that stalled past its lease must not overwrite what the worker that
 * took over recorded. With `breaker`, the same transaction moves the store's endpoint breaker
 * by what the attempt found (endpointOutcomeStatement). Returns whether the state was written.
 */
export async function recordAttempt(
  row: ClaimedCallback,
  outcome: AttemptOutcome,
  state: DeliveryState,
  at: Date,
  options: { counted?: boolean; breaker?: BreakerSettings } = {},
): Promise<boolean> {
  const error = outcome.error === null ? null : truncate(outcome.error, MAX_ERROR_LENGTH);
  const breaker = options.breaker ? endpointOutcomeStatement(row, { kind: outcome.unreachable ? "unreachable" : "answered", at, error }, options.breaker) : null;
  const [, updated] = await prisma.$transaction([
    prisma.callbackAttempt.create({
      data: { deliveryId: row.id, url: truncate(outcome.url, MAX_URL_LENGTH), statusCode: outcome.statusCode, latencyMs: outcome.latencyMs, error, attemptedAt: at },
    }),
    prisma.callbackDelivery.updateMany({
      where: { id: row.id, status: "delivering", lockedUntil: row.lease },
      data: {
        status: state.status,
        // A failed probe of an open breaker is logged above but spends none of the callback's attempts.
        attempts: { increment: options.counted === false ? 0 : 1 },
        lockedUntil: null,
        lastAttemptAt: at,
        lastStatusCode: outcome.statusCode,
        lastError: error,
        ...(state.status === "succeeded" ? { deliveredAt: state.deliveredAt } : {}),
        ...(state.status === "pending" ? { nextAttemptAt: state.nextAttemptAt } : {}),
      },
    }),
    ...(breaker ? [breaker] : []),
  ]);
  return updated.count === 1;
}

/**
 * Fails a claimed callback whose store has no callback URL, without an attempt (nothing was
 * sent). Fenced on the lease like recordAttempt.
 */
export async function recordNoCallbackUrl(row: ClaimedCallback): Promise<boolean> {
  const updated = await prisma.callbackDelivery.updateMany({
    where: { id: row.id, status: "delivering", lockedUntil: row.lease },
    data: { status: "failed", lockedUntil: null, lastError: "no_callback_url: the store has no callback URL" },
  });
  return updated.count === 1;
}
