import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { isPaymentToken } from "./payment-page-token";

/** The pay-in behind a payment page's token: its id and store (for the store-scoped domain functions); else 404. */
export async function findPageOrder(db: Pick<Tx, "incomingOrder">, token: string): Promise<{ id: string; storeId: number }> {
  const order = isPaymentToken(token)
    ? await db.incomingOrder.findUnique({ where: { paymentToken: token }, select: { id: true, storeId: true, type: true } })
    : null;
  if (!order || order.type !== "payin") throw new DomainError("order_not_found", "There is no such payment page.");
  return { id: order.id, storeId: order.storeId };
}
