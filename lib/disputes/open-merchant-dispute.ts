import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { openDispute, type OpenedDispute } from "@/lib/disputes/open-dispute";
import type { EvidenceFile } from "@/lib/disputes/evidence";
import { lateDisputeRefusal } from "@/lib/disputes/limits";
import type { MerchantOrder } from "@/lib/orders/get-merchant-order";
import { ownedOrderStoreId } from "@/lib/orders/get-merchant-order";

/**
 * Whether the order page offers "Open dispute": a paid pay-in (the customer paid, nobody
 * confirmed); a paid payout until its confirmation deadline (expiresAt); an expired or
 * cancelled pay-in that had a trader, within order.late_dispute_window_hours of its end (the
 * customer paid late); or an order the platform disputed by itself that the merchant may add
 * their report to. openDispute decides for real; this only avoids offering a form that would
 * be refused.
 */
export function canOpenDispute(
  order: Pick<MerchantOrder, "type" | "status" | "disputes" | "expiresAt" | "endedAt" | "traderId" | "failureReason">,
  { lateDisputeWindowHours }: { lateDisputeWindowHours: number },
  now = new Date(),
): boolean {
  if (order.status === "paid") return order.type === "payin" || !order.expiresAt || order.expiresAt > now;
  if (order.type === "payin" && (order.status === "expired" || order.status === "cancelled")) {
    return order.endedAt !== null && lateDisputeRefusal({ ...order, disputeCount: order.disputes.length }, lateDisputeWindowHours, now) === null;
  }
  return order.status === "disputed" && order.disputes.some((d) => d.status === "open" && d.openedVia === "system");
}

/**
 * A merchant disputes one of their orders from the cabinet, with evidence files. Another
 * merchant's order is "not found" and nothing changes.
 */
export async function openMerchantDispute(
  merchantUserId: number,
  input: { orderId: string; reason: string; evidence: EvidenceFile[] },
  actor: Actor,
): Promise<OpenedDispute> {
  const storeId = await ownedOrderStoreId(merchantUserId, input.orderId);
  return openDispute({ ...input, storeId, actor, via: "merchant_cabinet" });
}
