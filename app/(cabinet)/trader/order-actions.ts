"use server";

import { cancelOrderSchema, parseOrderId } from "@/lib/api/schemas/common";
import { RECEIPT_MAX_BYTES, receiptFromFile } from "@/lib/orders/receipt-file";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { completePayin } from "@/lib/orders/complete-payin";
import { declinePayout } from "@/lib/orders/decline-payout";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { releasePayout } from "@/lib/orders/release-payout";
import { runAction, type ActionResult } from "@/lib/web/action";

const orderIdOf = (orderId: unknown) => parseOrderId(typeof orderId === "string" ? orderId : undefined);

/** "Payment received": completes the trader's own pay-in through the engine. */
export async function confirmPayinAction(orderId: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction({ role: "trader" }, orderId, async ({ traderId, actor }) => {
    const order = await completePayin(orderIdOf(orderId), { traderId }, actor);
    return { ok: true, status: order.status };
  });
}

/** "Accept" on a payout offered to this trader: it becomes theirs to pay (assigned). */
export async function acceptPayoutAction(orderId: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction({ role: "trader" }, orderId, async ({ traderId, actor }) => {
    const order = await acceptPayout(orderIdOf(orderId), traderId, actor);
    return { ok: true, status: order.status };
  });
}

/** "Decline" on a payout offered to this trader: it goes to the next online trader, never back to them. */
export async function declinePayoutAction(orderId: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction({ role: "trader" }, orderId, async ({ traderId, actor }) => {
    const result = await declinePayout(orderIdOf(orderId), traderId, actor);
    return { ok: true, status: result.status };
  });
}

/** "Release" on a payout the trader accepted but has not paid: it is offered to the next trader; the reason is optional. */
export async function releasePayoutAction(orderId: unknown, reason: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction({ role: "trader" }, reason, async ({ traderId, actor, t }) => {
    const id = orderIdOf(orderId);
    const input = cancelOrderSchema.safeParse({ reason: typeof reason === "string" && reason.trim() ? reason : undefined });
    if (!input.success) return { ok: false, fieldErrors: { reason: t("trader.queue.releaseReasonError") } };
    const order = await releasePayout(id, traderId, actor, { reason: input.data.reason });
    return { ok: true, status: order.status };
  });
}

/** The trader paid a payout: the receipt (form field "receipt") is checked and stored, the payout becomes paid. */
export async function markPayoutPaidAction(formData: FormData): Promise<ActionResult<{ status: string }>> {
  return runAction({ role: "trader" }, formData, async ({ traderId, actor, t }) => {
    const orderId = parseOrderId(String(formData.get("orderId") ?? ""));
    const file = formData.get("receipt");
    const checked = await receiptFromFile(file instanceof File ? file : null);
    if ("error" in checked) return { ok: false, fieldErrors: { receipt: t(`trader.queue.receiptErrors.${checked.error}`, { kb: Math.floor(RECEIPT_MAX_BYTES / 1024) }) } };
    const order = await markPayoutPaid(orderId, traderId, actor, checked.receipt);
    return { ok: true, status: order.status };
  });
}
