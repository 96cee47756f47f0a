import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { discardFilesOnFailure } from "@/lib/files/discard-files-on-failure";
import type { StoredFile } from "@/lib/files/receive-upload";
import { lockOrder } from "@/lib/orders/load-order";
import { storeReceipt } from "@/lib/orders/store-receipt";
import { findPageOrder } from "./find-page-order";
import { RECEIPT_STATUSES } from "./get-payment-page";

/** Receipts one payment page takes: enough for a few screenshots, not a file dump. */
export const MAX_PAGE_RECEIPTS = 5;

/**
 * A receipt the customer uploaded on the payment page (already in storage, checked by
 * receiveUploadedFile), recorded on the order for the trader and support — while the order is
 * awaited, paid or disputed, and before an awaited order's deadline. Under the order's lock, so
 * the status and the count are the ones the row is written under. Refused or failed, the stored
 * file is deleted again.
 */
export async function attachCustomerReceipt(token: string, actor: Actor & { type: "customer" }, file: StoredFile, now = new Date()): Promise<{ receipts: number }> {
  return discardFilesOnFailure([file], () =>
    runTransaction(async (tx) => {
      const { id } = await findPageOrder(tx, token);
      const order = await lockOrder(tx, id);
      const overdue = order.status === "awaiting_payment" && order.expires_at !== null && order.expires_at <= now;
      if (!RECEIPT_STATUSES.includes(order.status) || overdue) {
        throw new DomainError("invalid_state", "This payment has ended; it takes no more receipts.");
      }
      const receipts = await tx.receipt.count({ where: { orderId: id, uploadedVia: "customer_page" } });
      if (receipts >= MAX_PAGE_RECEIPTS) {
        throw new DomainError("invalid_evidence", `A payment takes at most ${MAX_PAGE_RECEIPTS} receipts.`, { param: "file" });
      }
      await storeReceipt(tx, id, "customer_page", actor, file);
      return { receipts: receipts + 1 };
    }),
  );
}
