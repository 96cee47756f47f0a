// Many due callbacks at once for delivery tests and the callback bench: copies of one real
// order and its first callback (written by the engine), each copy its own order, so the
// outbox holds `count` independent callbacks due now, oldest first.
import { prisma } from "@/lib/db/client";

/**
 * Adds `count` copies of `templateOrderId` to its store (ids `<prefix><n>`, merchant order ids
 * likewise) with a copy of the order's first callback each, due at `dueAt` plus n ms, so
 * the copies' due order is their number. Returns the copies' order ids in due order.
 */
export async function copyDueCallbacks(templateOrderId: string, count: number, options: { prefix: string; dueAt?: Date }): Promise<string[]> {
  const dueAt = options.dueAt ?? new Date();
  const prefix = options.prefix;
  if (prefix.length + 7 > 32) throw new Error("copyDueCallbacks: the prefix is too long for an order id");
  await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO incoming_orders (id, type, store_id, amount, original_amount, currency_id, customer_id, merchant_order_id, payment_method_id,
                                   status, metadata, store_commission, created_at, updated_at, ended_at)
      SELECT ${prefix} || lpad(n::text, 7, '0'), o.type, o.store_id, o.amount, o.original_amount, o.currency_id, o.customer_id,
             ${prefix} || n, o.payment_method_id, 'cancelled', o.metadata, o.store_commission, o.created_at, now(), now()
      FROM incoming_orders o, generate_series(1, ${count}::int) n
      WHERE o.id = ${templateOrderId}`,
    prisma.$executeRaw`
      INSERT INTO callback_deliveries (webhook_id, order_id, store_id, sequence, event_type, payload, status, next_attempt_at, created_at)
      SELECT 'msg_' || ${prefix} || lpad(n::text, 7, '0'), ${prefix} || lpad(n::text, 7, '0'), d.store_id, 1, d.event_type,
             jsonb_set(d.payload::jsonb, '{data,id}', to_jsonb(${prefix} || lpad(n::text, 7, '0'))), 'pending',
             ${dueAt}::timestamptz + make_interval(secs => n / 1000.0), now()
      FROM callback_deliveries d, generate_series(1, ${count}::int) n
      WHERE d.order_id = ${templateOrderId} AND d.sequence = 1`,
  ]);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(7, "0")}`);
}
