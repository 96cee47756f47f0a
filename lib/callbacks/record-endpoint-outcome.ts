import "server-only";
import { prisma } from "@/lib/db/client";
import type { Settings } from "@/lib/settings/read-settings";
import type { ClaimedCallback } from "./claim-due-callbacks";

/** What one delivery says about its store's endpoint: any HTTP answer, or none (a timeout, a failed connection). */
export interface EndpointEvent {
  kind: "answered" | "unreachable";
  at: Date;
  error: string | null;
}

export interface BreakerSettings {
  /** callbacks.breaker_failure_threshold */
  failureThreshold: number;
  /** callbacks.breaker_probe_seconds: the wait before the first probe, doubled after each failed probe… */
  probeSeconds: number;
  /** …up to callbacks.breaker_probe_max_seconds. */
  probeMaxSeconds: number;
}

export const breakerSettings = (settings: Settings): BreakerSettings => ({
  failureThreshold: settings["callbacks.breaker_failure_threshold"],
  probeSeconds: settings["callbacks.breaker_probe_seconds"],
  probeMaxSeconds: settings["callbacks.breaker_probe_max_seconds"],
});

const MAX_ERROR_LENGTH = 1000;

/**
 * The statement that moves the store's endpoint circuit breaker (callback_endpoints) after a
 * delivery, run in the same transaction as the attempt it reports (recordAttempt), so neither
 * is ever recorded without the other. It counts reachability only — a timeout or a failed
 * connection holds a delivery slot for seconds, an HTTP error answer does not:
 * - Any answer closes the breaker: the row is deleted (no row = healthy). A healthy store's
 *   answered delivery costs no statement at all (null).
 * - `failureThreshold` unreachable deliveries in a row open it; the first probe is due
 *   `probeSeconds` later.
 * - An unreachable probe keeps it open, with the wait before the next doubled (up to the max).
 * - A delivery sent before it opened that fails afterwards only adds to the count.
 * One INSERT … ON CONFLICT DO UPDATE: concurrent failures of one store queue on its row and
 * each counts on what the one before wrote, with no read-then-write window between them.
 */
export function endpointOutcomeStatement(row: ClaimedCallback, event: EndpointEvent, settings: BreakerSettings) {
  if (event.kind === "answered") return row.breakerTracked ? prisma.callbackEndpoint.deleteMany({ where: { storeId: row.storeId } }) : null;
  const { failureThreshold: threshold, probeSeconds, probeMaxSeconds } = settings;
  const error = event.error?.slice(0, MAX_ERROR_LENGTH) ?? null;
  const at = event.at;
  // Opening now: the first failure of a fresh row reaching the threshold, or the count passing it on a closed one.
  const opensNew = 1 >= threshold;
  return prisma.$executeRaw`
    INSERT INTO callback_endpoints AS e (store_id, state, consecutive_failures, failing_since, opened_at, failed_probes, next_probe_at, last_error, updated_at)
    VALUES (${row.storeId}::int, ${opensNew ? "open" : "closed"}, 1, ${at}::timestamptz, ${opensNew ? at : null}::timestamptz, 0,
            ${opensNew ? new Date(at.getTime() + probeSeconds * 1000) : null}::timestamptz, ${error}, ${at}::timestamptz)
    ON CONFLICT (store_id) DO UPDATE SET
      consecutive_failures = e.consecutive_failures + 1,
      failing_since = COALESCE(e.failing_since, EXCLUDED.failing_since),
      last_error = EXCLUDED.last_error,
      updated_at = EXCLUDED.updated_at,
      state = CASE WHEN e.state = 'open' OR e.consecutive_failures + 1 >= ${threshold}::int THEN 'open' ELSE 'closed' END,
      opened_at = CASE WHEN e.state = 'closed' AND e.consecutive_failures + 1 >= ${threshold}::int THEN EXCLUDED.updated_at ELSE e.opened_at END,
      failed_probes = CASE
        WHEN e.state = 'open' AND ${row.probe} THEN e.failed_probes + 1
        WHEN e.state = 'closed' THEN 0
        ELSE e.failed_probes END,
      next_probe_at = CASE
        WHEN e.state = 'open' AND ${row.probe}
          THEN EXCLUDED.updated_at + make_interval(secs => least(${probeSeconds}::int * power(2, e.failed_probes + 1), ${probeMaxSeconds}::int))
        WHEN e.state = 'closed' AND e.consecutive_failures + 1 >= ${threshold}::int
          THEN EXCLUDED.updated_at + make_interval(secs => ${probeSeconds}::int)
        ELSE e.next_probe_at END,
      -- The probe is over, whatever it found: the next one may be claimed when due.
      probe_delivery_id = CASE WHEN ${row.probe} THEN NULL ELSE e.probe_delivery_id END,
      probe_until = CASE WHEN ${row.probe} THEN NULL ELSE e.probe_until END`;
}
