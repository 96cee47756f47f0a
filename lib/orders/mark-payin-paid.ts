import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { lockOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { storeReceipt, type ReceiptUpload } from "./store-receipt";

/** The customer says they paid (through the merchant's backend), optionally with a receipt. */
export async function markPayinPaid(id: string, storeId: number, actor: Actor, receipt?: ReceiptUpload) {
  return runTransaction(async (tx) => {
    const order = await lockOrder(tx, id, { storeId });
    if (order.type !== "payin") throw new DomainError("order_not_found", `No pay-in ${id}.`, { param: "id" });
    const updated = await transitionOrder(tx, { order, to: "paid", actor, patch: { paidAt: new Date() } });
    if (receipt) await storeReceipt(tx, id, "merchant_api", actor, receipt);
    return updated;
  });
}
