import type { CallbackAttempt, CallbackDelivery, Prisma } from "@/lib/generated/prisma/client";

/** A callback with its attempts, oldest first, as the API and the order page show it. */
export type CallbackWithAttempts = CallbackDelivery & { attemptsLog: CallbackAttempt[] };

/** The Prisma include that loads a callback's attempts in the order they were recorded. */
export const ATTEMPTS_LOG_INCLUDE = { attemptsLog: { orderBy: { id: "asc" } } } satisfies Prisma.CallbackDeliveryInclude;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The callback object of the gateway API (lib/api/schemas/callbacks.ts documents it).
 * `next_attempt_at` is null once the callback is finished: no attempt is coming.
 */
export function serializeCallback(callback: CallbackWithAttempts) {
  const open = callback.status === "pending" || callback.status === "delivering";
  return {
    id: Number(callback.id),
    webhook_id: callback.webhookId,
    event_type: callback.eventType,
    sequence: callback.sequence,
    status: callback.status,
    attempts: callback.attempts,
    next_attempt_at: open ? callback.nextAttemptAt.toISOString() : null,
    last_status_code: callback.lastStatusCode,
    last_error: callback.lastError,
    delivered_at: iso(callback.deliveredAt),
    created_at: callback.createdAt.toISOString(),
    attempts_log: callback.attemptsLog.map((attempt) => ({
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      error: attempt.error,
      attempted_at: attempt.attemptedAt.toISOString(),
    })),
  };
}
