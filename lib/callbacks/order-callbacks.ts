import "server-only";
import { listOrderCallbacks } from "@/lib/callbacks/list-order-callbacks";
import { resendCallback } from "@/lib/callbacks/resend-callback";
import type { CallbackWithAttempts } from "@/lib/callbacks/serialize-callback";
import { ownedOrderStoreId } from "@/lib/orders/get-merchant-order";

/** The callbacks of a merchant's order with their attempts; another merchant's order is "not found". */
export async function listMerchantOrderCallbacks(merchantUserId: number, orderId: string): Promise<CallbackWithAttempts[]> {
  return listOrderCallbacks(await ownedOrderStoreId(merchantUserId, orderId), orderId);
}

/**
 * Sends a callback of a merchant's order again (the given one, or the latest) and returns it
 * after the attempt. Another merchant's order is "not found" and nothing is sent.
 */
export async function resendMerchantOrderCallback(merchantUserId: number, orderId: string, deliveryId?: bigint): Promise<CallbackWithAttempts> {
  return resendCallback(await ownedOrderStoreId(merchantUserId, orderId), orderId, deliveryId);
}
