"use server";

import { z } from "zod";
import { parseOrderId } from "@/lib/api/schemas/common";
import { confirmMerchantPayout } from "@/lib/orders/confirm-merchant-payout";
import { resendMerchantOrderCallback } from "@/lib/callbacks/order-callbacks";
import { runAction, type ActionResult } from "@/lib/web/action";

const resendInput = z.object({ orderId: z.string().min(1).max(32), deliveryId: z.number().int().positive() });

/**
 * "Resend" on the order page: the merchant's own order only (else not found), attempted at once.
 * Answers whether that attempt got through, and if not, why (the attempt's error).
 */
export async function resendCallbackAction(orderId: string, deliveryId: number): Promise<ActionResult<{ delivered: boolean; error: string | null }>> {
  return runAction({ role: "merchant", schema: resendInput }, { orderId, deliveryId }, async ({ user, input }) => {
    const callback = await resendMerchantOrderCallback(user.id, input.orderId, BigInt(input.deliveryId));
    return { ok: true, delivered: callback.status === "succeeded", error: callback.lastError };
  });
}

/**
 * "Confirm payout" on the order page: the merchant's own paid payout completes (the trader is
 * repaid from the store's hold). Another merchant's order is not found; a payout that is no
 * longer paid (disputed, completed by the deadline sweep) is refused with the reason.
 */
export async function confirmPayoutAction(orderId: string): Promise<ActionResult<{ status: string }>> {
  return runAction({ role: "merchant" }, orderId, async ({ user, actor, input }) => {
    const order = await confirmMerchantPayout(user.id, parseOrderId(typeof input === "string" ? input : undefined), actor);
    return { ok: true, status: order.status };
  });
}
