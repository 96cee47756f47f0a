import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { readSettings } from "@/lib/config/read-settings";
import { lockOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { completePayout } from "./complete-payout";
import { storeReceipt, type ReceiptUpload } from "./store-receipt";

/**
 * The trader sent the money to the customer and uploads the receipt: the payout becomes
 * `paid`, and completes at once when `order.payout_auto_complete` is on.
 */
export async function markPayoutPaid(id: string, traderId: number, actor: Actor, receipt: ReceiptUpload) {
  const settings = await readSettings();
  return runTransaction(async (tx) => {
    const order = await lockOrder(tx, id, { traderId });
    if (order.type !== "payout") throw new DomainError("not_found", "order_not_found", `No payout ${id}.`, "id");
    const paid = await transitionOrder(tx, { order, to: "paid", actor, patch: { paidAt: new Date() } });
    await storeReceipt(tx, id, "trader", actor, receipt);
    if (!settings["order.payout_auto_complete"]) return paid;
    return completePayout(tx, { ...order, status: "paid" }, actor);
  });
}
