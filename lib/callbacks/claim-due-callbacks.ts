import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoreWebhookSecrets } from "./signing-secrets";

/** A callback row claimed for delivery, with what sending it needs from its store. */
export interface ClaimedCallback extends StoreWebhookSecrets {
  id: bigint;
  webhookId: string;
  orderId: string;
  storeId: number;
  payload: unknown;
  /** Attempts made before this one. */
  attempts: number;
  createdAt: Date;
  /** When it was due: a failed probe leaves it due then, so pausing never reorders a store's callbacks. */
  nextAttemptAt: Date;
  /** The claim's lease end; also its fencing token: only its holder may record the outcome. */
  lease: Date;
  callbackUrl: string | null;
  /** The store's endpoint breaker was open: this delivery is its one probe (lib/callbacks/endpoint-breaker.ts). */
  probe: boolean;
  /** Whether the store's endpoint has a breaker row (it failed lately); none means healthy. */
  breakerTracked: boolean;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  /** callbacks.max_in_flight_per_store: a store's deliveries in flight, across all instances, never exceed it. */
  perStoreCap: number;
  /** Only this row (deliverCallback, resend). */
  id?: bigint;
  /**
   * With `id`: the merchant asked for it (resend). It goes out even while the store's breaker
   * is open or its cap is reached — as the breaker's probe when open, so a merchant who fixed
   * the endpoint and resends closes the breaker at once, and a failure spends no attempt.
   */
  manual?: boolean;
  /** Only this order's next callback (continuing an order after one of its callbacks finished). */
  orderId?: string;
}

/** Claims are serialised across instances by this transaction-level advisory lock (see below). */
const CLAIM_LOCK = 0x4a50_cb01;

/**
 * Claims due callbacks with a lease: rows pending (or left `delivering` by a worker whose
 * lease expired) whose next attempt is due, and only the lowest unfinished sequence of each
 * order — sequence n+1 is never sent before n succeeded or finally failed. Fair across stores:
 * - Round-robin by load: a store's callback that would be its k-th in flight comes before any
 *   store's (k+1)-th, oldest first among equals, so each store gets a fair share of the slots
 *   and one store's backlog of thousands never takes the slots another store's callback needs.
 * - A store never has more than `perStoreCap` deliveries in flight (all instances together): a
 *   hanging endpoint holds at most that many slots until its requests time out.
 * - A store whose endpoint breaker is open gets nothing but one probe at a time, once its
 *   next probe is due; its other callbacks stay pending, untouched, in their order.
 * The in-flight counts are only exact if no other claim runs meanwhile, so claims take a
 * transaction-level advisory lock: two instances claim one after the other (a claim is one
 * short statement), and a row or a probe is never held twice.
 */
export async function claimDueCallbacks(options: ClaimOptions): Promise<ClaimedCallback[]> {
  const { now, limit, perStoreCap } = options;
  const lease = new Date(now.getTime() + options.leaseMs);
  const onlyRow = options.id === undefined ? Prisma.empty : Prisma.sql`AND d.id = ${options.id}::bigint`;
  const onlyOrder = options.orderId === undefined ? Prisma.empty : Prisma.sql`AND d.order_id = ${options.orderId}`;
  const manual = options.manual === true && options.id !== undefined;
  const [, claimed] = await prisma.$transaction([
    prisma.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK}::bigint)`,
    prisma.$queryRaw<ClaimedCallback[]>`
      WITH in_flight AS (
        SELECT store_id, count(*)::int AS n FROM callback_deliveries
        WHERE status = 'delivering' AND locked_until >= ${now}::timestamptz
        GROUP BY store_id
      ), due AS (
        SELECT d.id, d.store_id, d.next_attempt_at, COALESCE(e.state = 'open', false) AS probe, e.store_id IS NOT NULL AS tracked,
               row_number() OVER (PARTITION BY d.store_id ORDER BY d.next_attempt_at, d.id) AS place
        FROM callback_deliveries d
        LEFT JOIN callback_endpoints e ON e.store_id = d.store_id
        WHERE d.status IN ('pending', 'delivering')
          AND d.next_attempt_at <= ${now}::timestamptz
          AND (d.locked_until IS NULL OR d.locked_until < ${now}::timestamptz)
          ${onlyRow} ${onlyOrder}
          AND NOT EXISTS (
            SELECT 1 FROM callback_deliveries earlier
            WHERE earlier.order_id = d.order_id AND earlier.sequence < d.sequence AND earlier.status IN ('pending', 'delivering'))
          AND (${manual} OR e.state IS NULL OR e.state = 'closed'
               OR (e.next_probe_at <= ${now}::timestamptz AND (e.probe_until IS NULL OR e.probe_until < ${now}::timestamptz)))
      ), chosen AS (
        SELECT due.id, due.store_id, due.probe, due.tracked
        FROM due LEFT JOIN in_flight f ON f.store_id = due.store_id
        WHERE ${manual} OR due.place <= CASE WHEN due.probe THEN 1 ELSE ${perStoreCap}::int - COALESCE(f.n, 0) END
        -- A store's k-th callback in flight if claimed: the stores with the fewest in flight go first.
        ORDER BY COALESCE(f.n, 0) + due.place, due.next_attempt_at, due.id
        LIMIT ${limit}::int
      ), probes AS (
        UPDATE callback_endpoints e SET probe_delivery_id = chosen.id, probe_until = ${lease}::timestamptz, updated_at = ${now}::timestamptz
        FROM chosen WHERE chosen.probe AND e.store_id = chosen.store_id
      )
      UPDATE callback_deliveries c
      SET status = 'delivering', locked_until = ${lease}::timestamptz
      FROM chosen, merchant_store s
      WHERE c.id = chosen.id AND s.id = c.store_id
      RETURNING c.id, c.webhook_id AS "webhookId", c.order_id AS "orderId", c.store_id AS "storeId", c.payload, c.attempts,
                c.created_at AS "createdAt", c.next_attempt_at AS "nextAttemptAt", c.locked_until AS "lease",
                s.callback_url AS "callbackUrl", s.webhook_secret AS "webhookSecret", s.webhook_secret_previous AS "webhookSecretPrevious",
                s.webhook_secret_rotated_at AS "webhookSecretRotatedAt", chosen.probe, chosen.tracked AS "breakerTracked"`,
  ]);
  return claimed;
}
