import "server-only";
import { prisma } from "@/lib/db/client";
import { getStoreOrder } from "@/lib/orders/get-order";
import { ATTEMPTS_LOG_INCLUDE, type CallbackWithAttempts } from "./serialize-callback";

/** The order's callbacks in sequence order, with their attempts; another store's order is not found. */
export async function listOrderCallbacks(storeId: number, orderId: string): Promise<CallbackWithAttempts[]> {
  await getStoreOrder(storeId, orderId);
  return prisma.callbackDelivery.findMany({ where: { orderId }, orderBy: { sequence: "asc" }, include: ATTEMPTS_LOG_INCLUDE });
}
