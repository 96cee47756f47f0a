"use server";

import { parseOrderId } from "@/lib/api/schemas/common";
import type { TraderActionResult } from "@/lib/cabinet/trader/action-result";
import { receiptFromFile } from "@/lib/cabinet/trader/receipt-file";
import { runTraderAction } from "@/lib/cabinet/trader/run-trader-action";
import { completePayin } from "@/lib/orders/complete-payin";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";

/** "Payment received": completes the trader's own pay-in through the engine. */
export async function confirmPayinAction(orderId: unknown): Promise<TraderActionResult<{ status: string }>> {
  return runTraderAction(async ({ traderId, actor }) => {
    const order = await completePayin(parseOrderId(typeof orderId === "string" ? orderId : undefined), { traderId }, actor);
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
