export interface DeliveryStateInput {
  /** Whether the receiver answered 2xx. */
  ok: boolean;
  /** Attempts made before this one. */
  attempts: number;
  createdAt: Date;
  /** When this attempt finished. */
  at: Date;
  /** callbacks.retry_schedule_seconds: the delay after the 1st, 2nd, … failure; the last repeats. */
  retryScheduleSeconds: readonly number[];
  /** callbacks.max_age_hours: no attempt is scheduled after created_at + this. */
  maxAgeHours: number;
}

export type DeliveryState =
  | { status: "succeeded"; deliveredAt: Date }
  | { status: "pending"; nextAttemptAt: Date }
  | { status: "failed" };

/**
 * What a callback becomes after an attempt: delivered on 2xx; otherwise retried after the
 * schedule's next delay (the last one repeating), the final retry falling exactly on the
 * callback's deadline (created_at + max age); an attempt failing at or after the deadline
 * fails it for good.
 */
export function nextDeliveryState(input: DeliveryStateInput): DeliveryState {
  if (input.ok) return { status: "succeeded", deliveredAt: input.at };
  const deadline = input.createdAt.getTime() + input.maxAgeHours * 3600_000;
  if (input.at.getTime() >= deadline) return { status: "failed" };
  const schedule = input.retryScheduleSeconds;
  const delaySeconds = schedule[Math.min(input.attempts, schedule.length - 1)];
  return { status: "pending", nextAttemptAt: new Date(Math.min(input.at.getTime() + delaySeconds * 1000, deadline)) };
}
