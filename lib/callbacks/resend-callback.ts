import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { getStoreOrder } from "@/lib/orders/get-order";
import { deliverCallback } from "./deliver-callback";
import type { DeliveryOptions } from "./process-claimed-callback";
import { ATTEMPTS_LOG_INCLUDE, type CallbackWithAttempts } from "./serialize-callback";

/** The callback to resend: the given one of the order, or its latest (the current status). */
async function findCallback(orderId: string, deliveryId: bigint | undefined) {
  const callback = await prisma.callbackDelivery.findFirst({
    where: { orderId, ...(deliveryId === undefined ? {} : { id: deliveryId }) },
    orderBy: { sequence: "desc" },
    select: { id: true },
  });
  if (callback) return callback;
  if (deliveryId === undefined) throw new DomainError("callback_not_found", `Order ${orderId} has no callbacks yet.`);
  throw new DomainError("callback_not_found", `No callback ${deliveryId} for order ${orderId}.`, { param: "delivery_id" });
}

/**
 * The merchant asks for a callback again: it is re-queued (pending, due now — a finished one
 * too) with the same webhook-id, so a receiver that already has it de-duplicates, and
 * attempted at once; retries follow the schedule as for any callback. Per-order order still
 * holds: when an earlier callback of the order is unfinished, this one waits for it. A
 * callback being sent at this moment is left to that attempt. The store's endpoint breaker
 * does not hold it back: while open, the resend is its probe. Returns the callback after the
 * attempt.
 */
export async function resendCallback(storeId: number, orderId: string, deliveryId?: bigint, options: DeliveryOptions = {}): Promise<CallbackWithAttempts> {
  await getStoreOrder(storeId, orderId);
  const store = await prisma.merchantStore.findUniqueOrThrow({ where: { id: storeId }, select: { callbackUrl: true } });
  if (!store.callbackUrl) throw new DomainError("no_callback_url");
  const { id } = await findCallback(orderId, deliveryId);
  const now = options.now ?? new Date();
  await prisma.callbackDelivery.updateMany({
    where: { id, OR: [{ status: { not: "delivering" } }, { lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { status: "pending", nextAttemptAt: now, lockedUntil: null },
  });
  await deliverCallback(id, { ...options, manual: true });
  return prisma.callbackDelivery.findUniqueOrThrow({ where: { id }, include: ATTEMPTS_LOG_INCLUDE });
}
