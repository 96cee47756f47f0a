import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { lockOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { storeReceipt, type ReceiptUpload } from "./store-receipt";
import { toStoredFile } from "@/lib/files/store-file-bytes";
import { discardFilesOnFailure } from "@/lib/files/discard-files-on-failure";
import type { StoredFile } from "@/lib/files/stored-file";

/**
 * The customer says they paid — through the merchant's backend (party merchant) or on the hosted
 * payment page (party customer) — optionally with a receipt. Once the deadline has passed the
 * order is as good as expired (the sweep ends it shortly): "paid" is refused then too.
 */
export async function markPayinPaid(id: string, storeId: number, actor: Actor, receipt?: StoredFile | ReceiptUpload, now = new Date()) {
  // The file is put into storage before the transaction (never while holding the order's lock), and removed if it fails.
  const file = receipt && (await toStoredFile(receipt));
  return discardFilesOnFailure([file], () =>
    runTransaction(async (tx) => {
      const order = await lockOrder(tx, id, { storeId });
      if (order.type !== "payin") throw new DomainError("order_not_found", `No pay-in ${id}.`, { param: "id" });
      if (order.status === "awaiting_payment" && order.expires_at && order.expires_at <= now) {
        throw new DomainError("invalid_state", "The payment deadline has passed; the pay-in is expiring and cannot become paid.");
      }
      const updated = await transitionOrder(tx, { order, to: "paid", actor, patch: { paidAt: now } });
      if (file) await storeReceipt(tx, id, "merchant_api", actor, file);
      return updated;
    }),
  );
}
