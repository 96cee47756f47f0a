import "server-only";
import type { Tx } from "@/lib/db/client";
import { webhookMessageId } from "@/lib/ids/ulid";
import { toJson } from "@/lib/audit/record-audit";
import { serializeOrder, type OrderForApi } from "@/lib/orders/serialize-order";

/**
 * Writes the merchant callback for the order's new status into the outbox, in the same
 * transaction as the change (so a committed change always has its callback and a rolled-back
 * one never does). `sequence` orders an order's callbacks; the order row is locked by the
 * caller, so computing it from the current maximum is race-free.
 */
export async function enqueueCallback(tx: Tx, order: OrderForApi): Promise<void> {
  const last = await tx.callbackDelivery.aggregate({ where: { orderId: order.id }, _max: { sequence: true } });
  await tx.callbackDelivery.create({
    data: {
      webhookId: webhookMessageId(),
      orderId: order.id,
      storeId: order.storeId,
      sequence: (last._max.sequence ?? 0) + 1,
      eventType: `${order.type}.${order.status}`,
      payload: toJson({ type: `${order.type}.${order.status}`, data: serializeOrder(order) }),
    },
  });
}
