"use server";

import { cancelOrderSchema, parseOrderId } from "@/lib/api/schemas/common";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { completePayin } from "@/lib/orders/complete-payin";
import { declinePayout } from "@/lib/orders/decline-payout";
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

// The trader's "Upload receipt" on a payout is a route, app/api/cabinet/trader/payouts/[id]/receipt: a
// server action's body is buffered and capped at 1 MB, a receipt may be 10 MiB.
