"use server";

import { cancelOrderSchema, parseOrderId } from "@/lib/api/schemas/common";
import type { TraderActionResult } from "@/lib/web/trader-action-result";
import { receiptFromFile } from "@/lib/orders/receipt-file";
import { runTraderAction } from "@/lib/web/run-trader-action";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { completePayin } from "@/lib/orders/complete-payin";
import { declinePayout } from "@/lib/orders/decline-payout";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { releasePayout } from "@/lib/orders/release-payout";

const orderIdOf = (orderId: unknown) => parseOrderId(typeof orderId === "string" ? orderId : undefined);

/** "Payment received": completes the trader's own pay-in through the engine. */
export async function confirmPayinAction(orderId: unknown): Promise<TraderActionResult<{ status: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const order = await completePayin(orderIdOf(orderId), { traderId }, actor);
    return { ok: true, value: { status: order.status } };
  });
}

/** "Accept" on a payout offered to this trader: it becomes theirs to pay (assigned). */
export async function acceptPayoutAction(orderId: unknown): Promise<TraderActionResult<{ status: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const order = await acceptPayout(orderIdOf(orderId), traderId, actor);
    return { ok: true, value: { status: order.status } };
  });
}

/** "Decline" on a payout offered to this trader: it goes to the next online trader, never back to them. */
export async function declinePayoutAction(orderId: unknown): Promise<TraderActionResult<{ status: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const result = await declinePayout(orderIdOf(orderId), traderId, actor);
    return { ok: true, value: { status: result.status } };
  });
}

/** "Release" on a payout the trader accepted but has not paid: it is offered to the next trader; the reason is optional. */
export async function releasePayoutAction(orderId: unknown, reason: unknown): Promise<TraderActionResult<{ status: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const id = orderIdOf(orderId);
    const input = cancelOrderSchema.safeParse({ reason: typeof reason === "string" && reason.trim() ? reason : undefined });
    if (!input.success) return { ok: false, code: "invalid_input", fieldErrors: { reason: ["trader.queue.releaseReasonError"] } };
    const order = await releasePayout(id, traderId, actor, { reason: input.data.reason });
    return { ok: true, value: { status: order.status } };
  });
}

/** The trader paid a payout: the receipt (form field "receipt") is checked and stored, the payout becomes paid. */
export async function markPayoutPaidAction(formData: FormData): Promise<TraderActionResult<{ status: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const orderId = parseOrderId(String(formData.get("orderId") ?? ""));
    const file = formData.get("receipt");
    const checked = await receiptFromFile(file instanceof File ? file : null);
    if ("error" in checked) return { ok: false, code: `receipt_${checked.error}` };
    const order = await markPayoutPaid(orderId, traderId, actor, checked.receipt);
    return { ok: true, value: { status: order.status } };
  });
}
