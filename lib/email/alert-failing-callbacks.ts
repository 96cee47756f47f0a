import "server-only";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { appUrl } from "./app-url";
import { enqueueEmail } from "./enqueue-email";
import { notifyEmailsQueued } from "./notify-emails-queued";

/** A store's owner hears about failing callbacks at most once per this period. */
export const CALLBACK_ALERT_INTERVAL_MS = 24 * 60 * 60_000;
/** Failed attempts in a row (since the store's last successful callback) that count as failing. */
export const CALLBACK_FAILURE_STREAK = 5;

interface FailingStore {
  storeId: number;
  storeName: string;
  callbackUrl: string | null;
  ownerEmail: string;
  failedAttempts: number;
  failedDeliveries: number;
  lastError: string | null;
  lastFailureAt: Date;
}

/**
 * Active stores of active owners, not alerted within the interval, whose callbacks failed
 * within it: CALLBACK_FAILURE_STREAK attempts or more since their last 2xx, or a callback
 * given up (status failed). Only that window's attempts are read, so the evidence is always
 * newer than the previous alert.
 */
function findFailingStores(now: Date, since: Date): Promise<FailingStore[]> {
  return prisma.$queryRaw<FailingStore[]>`
    WITH recent AS (
      SELECT d.store_id, a.delivery_id, a.attempted_at, a.status_code, a.error
      FROM callback_attempts a JOIN callback_deliveries d ON d.id = a.delivery_id
      WHERE a.attempted_at > ${since} AND a.attempted_at <= ${now}
    ), last_success AS (
      SELECT store_id, max(attempted_at) AS at FROM recent WHERE status_code BETWEEN 200 AND 299 GROUP BY store_id
    ), streak AS (
      SELECT r.store_id, count(*)::int AS failed_attempts, max(r.attempted_at) AS last_failure_at,
             (array_agg(coalesce(r.error, 'HTTP ' || r.status_code) ORDER BY r.attempted_at DESC))[1] AS last_error
      FROM recent r LEFT JOIN last_success s ON s.store_id = r.store_id
      WHERE (r.status_code IS NULL OR r.status_code NOT BETWEEN 200 AND 299) AND (s.at IS NULL OR r.attempted_at > s.at)
      GROUP BY r.store_id
    ), given_up AS (
      -- Only callbacks attempted in the window: one failed for want of a callback URL was never
      -- attempted, and a store without a URL has chosen not to receive callbacks.
      SELECT store_id, count(*)::int AS failed_deliveries, max(last_attempt_at) AS last_failed_at,
             (array_agg(last_error ORDER BY last_attempt_at DESC))[1] AS last_error
      FROM callback_deliveries
      WHERE status = 'failed' AND id IN (SELECT delivery_id FROM recent)
      GROUP BY store_id
    )
    SELECT ms.id AS "storeId", ms.name AS "storeName", ms.callback_url AS "callbackUrl", u.email AS "ownerEmail",
           coalesce(st.failed_attempts, 0) AS "failedAttempts", coalesce(g.failed_deliveries, 0) AS "failedDeliveries",
           coalesce(st.last_error, g.last_error) AS "lastError",
           greatest(st.last_failure_at, g.last_failed_at) AS "lastFailureAt"
    FROM merchant_store ms
    JOIN users u ON u.id = ms.user_id
    LEFT JOIN streak st ON st.store_id = ms.id
    LEFT JOIN given_up g ON g.store_id = ms.id
    WHERE ms.is_active AND u.is_active
      AND (ms.callback_alert_sent_at IS NULL OR ms.callback_alert_sent_at <= ${since})
      AND (st.failed_attempts >= ${CALLBACK_FAILURE_STREAK} OR g.failed_deliveries > 0)
    ORDER BY ms.id`;
}

/**
 * Emails the owner of every store whose callbacks keep failing, at most once per store per
 * CALLBACK_ALERT_INTERVAL_MS. The alert time is claimed with a compare-and-set in the same
 * transaction as the email, so concurrent sweeps send one alert, and a rolled-back one none.
 * Returns the ids of the stores alerted.
 */
export async function alertFailingCallbacks(options: { now?: Date } = {}): Promise<number[]> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - CALLBACK_ALERT_INTERVAL_MS);
  const alerted: number[] = [];
  const emailIds: (bigint | null)[] = [];
  for (const store of await findFailingStores(now, since)) {
    const emailId = await runTransaction(async (tx) => {
      // Raw SQL: bookkeeping, not an edit of the store, so updated_at stays as it is.
      const claimed = await tx.$executeRaw`
        UPDATE merchant_store SET callback_alert_sent_at = ${now}
        WHERE id = ${store.storeId} AND (callback_alert_sent_at IS NULL OR callback_alert_sent_at <= ${since})`;
      if (claimed === 0) return null;
      return enqueueEmail(tx, {
        to: store.ownerEmail,
        template: "callbacks_failing",
        data: { ...store, cabinetUrl: appUrl("/merchant") },
        now,
      });
    });
    if (emailId === null) continue;
    alerted.push(store.storeId);
    emailIds.push(emailId);
  }
  await notifyEmailsQueued(emailIds);
  return alerted;
}
