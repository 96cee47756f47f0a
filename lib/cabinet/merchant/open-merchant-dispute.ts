import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { openDispute, type OpenedDispute } from "@/lib/disputes/open-dispute";
import type { EvidenceFile } from "@/lib/disputes/evidence";
import type { MerchantOrder } from "./get-merchant-order";
import { ownedOrderStoreId } from "./get-merchant-order";

/**
 * Whether the order page offers "Open dispute": a paid order (the customer paid, nobody
 * confirmed), or one the platform disputed by itself that the merchant may add their report to.
 * openDispute decides for real; this only avoids offering a form that would be refused.
 */
export function canOpenDispute(order: Pick<MerchantOrder, "status" | "disputes">): boolean {
  if (order.status === "paid") return true;
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
