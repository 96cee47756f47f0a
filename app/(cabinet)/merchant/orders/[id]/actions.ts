"use server";

import { z } from "zod";
import { parseOrderId } from "@/lib/api/schemas/common";
import { refused, type ActionResult } from "@/lib/web/merchant-action-result";
import { confirmMerchantPayout } from "@/lib/orders/confirm-merchant-payout";
import { requireMerchant } from "@/lib/web/merchant-session";
import { resendMerchantOrderCallback } from "@/lib/callbacks/order-callbacks";
import { getTranslator } from "@/lib/web/locale";

const resendInput = z.object({ orderId: z.string().min(1).max(32), deliveryId: z.number().int().positive() });

/**
 * "Resend" on the order page: the merchant's own order only (else not found), attempted at once.
 * Answers whether that attempt got through, and if not, why (the attempt's error).
 */
export async function resendCallbackAction(orderId: string, deliveryId: number): Promise<ActionResult<{ delivered: boolean; error: string | null }>> {
  const { user } = await requireMerchant();
  const { t } = await getTranslator();
  const input = resendInput.safeParse({ orderId, deliveryId });
  if (!input.success) return { ok: false, message: t("merchant.errors.invalidValue") };
  try {
    const callback = await resendMerchantOrderCallback(user.id, input.data.orderId, BigInt(input.data.deliveryId));
    return { ok: true, delivered: callback.status === "succeeded", error: callback.lastError };
  } catch (error) {
    return refused(error, t);
  }
}

/**
 * "Confirm payout" on the order page: the merchant's own paid payout completes (the trader is
 * repaid from the store's hold). Another merchant's order is not found; a payout that is no
 * longer paid (disputed, completed by the deadline sweep) is refused with the reason.
 */
export async function confirmPayoutAction(orderId: string): Promise<ActionResult<{ status: string }>> {
  const { user, actor } = await requireMerchant();
  const { t } = await getTranslator();
  try {
    const order = await confirmMerchantPayout(user.id, parseOrderId(typeof orderId === "string" ? orderId : undefined), actor);
    return { ok: true, status: order.status };
  } catch (error) {
    return refused(error, t);
  }
}
