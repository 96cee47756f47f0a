import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoreWebhookSecrets } from "./signing-secrets";

/** A callback row claimed for delivery, with what sending it needs from its store. */
export interface ClaimedCallback extends StoreWebhookSecrets {
  id: bigint;
  webhookId: string;
  orderId: string;
  payload: unknown;
  /** Attempts made before this one. */
  attempts: number;
  createdAt: Date;
  /** The claim's lease end; also its fencing token: only its holder may record the outcome. */
  lease: Date;
  callbackUrl: string | null;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  leaseMs: number;
  /** Only this row (deliverCallback, resend). */
  id?: bigint;
  /** Only this order's next callback (continuing an order after one of its callbacks finished). */
  orderId?: string;
}

/**
 * Claims due callbacks with a lease, in one statement: rows pending (or left `delivering` by a
 * worker whose lease expired) whose next attempt is due, and only the lowest unfinished
 * sequence of each order — sequence n+1 is never sent before n succeeded or finally failed.
 * FOR UPDATE SKIP LOCKED lets concurrent sweeps share the work without waiting on each other;
 * a row another claim committed first fails the re-checked lease condition, so two claims
 * never hold one row.
 */
export async function claimDueCallbacks(options: ClaimOptions): Promise<ClaimedCallback[]> {
  const { now, limit } = options;
  const lease = new Date(now.getTime() + options.leaseMs);
  const onlyRow = options.id === undefined ? Prisma.empty : Prisma.sql`AND d.id = ${options.id}::bigint`;
  const onlyOrder = options.orderId === undefined ? Prisma.empty : Prisma.sql`AND d.order_id = ${options.orderId}`;
  return prisma.$queryRaw<ClaimedCallback[]>`
    WITH due AS (
      SELECT d.id FROM callback_deliveries d
      WHERE d.status IN ('pending', 'delivering')
        AND d.next_attempt_at <= ${now}::timestamptz
        AND (d.locked_until IS NULL OR d.locked_until < ${now}::timestamptz)
        ${onlyRow} ${onlyOrder}
        AND NOT EXISTS (
          SELECT 1 FROM callback_deliveries earlier
          WHERE earlier.order_id = d.order_id AND earlier.sequence < d.sequence AND earlier.status IN ('pending', 'delivering'))
      ORDER BY d.next_attempt_at, d.id
      LIMIT ${limit}::int
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE callback_deliveries c
    SET status = 'delivering', locked_until = ${lease}::timestamptz
    FROM due, merchant_store s
    WHERE c.id = due.id AND s.id = c.store_id
    RETURNING c.id, c.webhook_id AS "webhookId", c.order_id AS "orderId", c.payload, c.attempts,
              c.created_at AS "createdAt", c.locked_until AS "lease", s.callback_url AS "callbackUrl",
              s.webhook_secret AS "webhookSecret", s.webhook_secret_previous AS "webhookSecretPrevious",
              s.webhook_secret_rotated_at AS "webhookSecretRotatedAt"`;
}
