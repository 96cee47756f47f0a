import type { Settings } from "@/lib/settings/read-settings";

export type MatchRetrySettings = Pick<
  Settings,
  "order.match_attempts" | "order.match_window_seconds" | "order.match_backoff_seconds" | "order.match_backoff_max_seconds"
>;

/** An unmatched order's retry state: when it was created and how many attempts found nothing. */
export interface MatchAttempts {
  createdAt: Date;
  failedAttempts: number;
}

/**
 * Seconds to wait after the `failedAttempts`-th attempt that found no requisite: the base delay
 * doubling with every attempt (5, 10, 20, 40 s… by default), capped so a long-unmatched order
 * is still tried regularly.
 */
export function matchRetryDelaySeconds(failedAttempts: number, settings: MatchRetrySettings): number {
  const base = settings["order.match_backoff_seconds"];
  // The exponent is bounded so the doubling cannot overflow before the cap applies.
  const doubled = base * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(doubled, settings["order.match_backoff_max_seconds"]);
}

/** The moment an unmatched order stops being retried (creation + order.match_window_seconds). */
export function matchWindowEnd(createdAt: Date, settings: MatchRetrySettings): Date {
  return new Date(createdAt.getTime() + settings["order.match_window_seconds"] * 1000);
}

/** True when the order has used up its attempts (order.match_attempts) or its matching window. */
export function matchingExhausted(order: MatchAttempts, now: Date, settings: MatchRetrySettings): boolean {
  return order.failedAttempts >= settings["order.match_attempts"] || now >= matchWindowEnd(order.createdAt, settings);
}

/**
 * When the next attempt is due, or null when none is left. The time never goes past the end of
 * the window, so an order whose window runs out is failed at that moment rather than up to one
 * (long) delay later.
 */
export function nextMatchAttemptAt(order: MatchAttempts, now: Date, settings: MatchRetrySettings): Date | null {
  if (matchingExhausted(order, now, settings)) return null;
  const next = now.getTime() + matchRetryDelaySeconds(order.failedAttempts, settings) * 1000;
  return new Date(Math.min(next, matchWindowEnd(order.createdAt, settings).getTime()));
}
