import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { confirmPayout } from "@/lib/orders/confirm-payout";
import type { OrderForApi } from "@/lib/orders/serialize-order";
import { ownedOrderStoreId } from "./get-merchant-order";

/**
 * The merchant confirms from the cabinet that a paid payout's recipient got the money: it
 * completes (see confirmPayout). Another merchant's order is "not found" and nothing changes.
 */
export async function confirmMerchantPayout(merchantUserId: number, orderId: string, actor: Actor): Promise<OrderForApi> {
  const storeId = await ownedOrderStoreId(merchantUserId, orderId);
  return confirmPayout(orderId, storeId, actor);
}
