import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { webhookMessageId } from "@/lib/ids/ulid";
import { toJson } from "@/lib/audit/record-audit";
import { serializeOrder, type OrderForApi } from "@/lib/orders/serialize-order";

/**
 * The outbox INSERT of the merchant callback for the order's new status, as an SQL fragment
 * to run in the same transaction as the change (so a committed change always has its callback
 * and a rolled-back one never does). `sequence` orders an order's callbacks; the order row is
 * locked by the caller, so computing it from the current maximum is race-free.
 */
export function callbackInsertSql(order: OrderForApi): Prisma.Sql {
  const eventType = `${order.type}.${order.status}`;
  const payload = JSON.stringify(toJson({ type: eventType, data: serializeOrder(order) }));
  return Prisma.sql`
    INSERT INTO callback_deliveries (webhook_id, order_id, store_id, sequence, event_type, payload)
    SELECT ${webhookMessageId()}, ${order.id}, ${order.storeId}::int, COALESCE(max(sequence), 0) + 1, ${eventType}, ${payload}::jsonb
    FROM callback_deliveries WHERE order_id = ${order.id}`;
}
