import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { readSettings } from "@/lib/settings/read-settings";
import { lockOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { storeReceipt, type ReceiptUpload } from "./store-receipt";
import { toStoredFile } from "@/lib/files/store-file-bytes";
import { discardFilesOnFailure } from "@/lib/files/discard-files-on-failure";
import type { StoredFile } from "@/lib/files/stored-file";

/**
 * The trader sent the money to the customer and uploads the receipt: the payout becomes
 * `paid`. The merchant then confirms it (POST /payout/{id}/confirm) or disputes it within
 * order.payout_confirm_window_seconds; with neither, the deadline sweep completes it. Nothing
 * moves before that: the store's hold stays until the payout completes or is resolved.
 */
export async function markPayoutPaid(id: string, traderId: number, actor: Actor, receipt: StoredFile | ReceiptUpload, now = new Date()) {
  const settings = await readSettings();
  // The file is put into storage before the transaction (never while holding the order's lock), and removed if it fails.
  const file = await toStoredFile(receipt);
  return discardFilesOnFailure([file], () =>
    runTransaction(async (tx) => {
      const order = await lockOrder(tx, id, { traderId });
      if (order.type !== "payout") throw new DomainError("order_not_found", `No payout ${id}.`, { param: "id" });
      const confirmBy = new Date(now.getTime() + settings["order.payout_confirm_window_seconds"] * 1000);
      const paid = await transitionOrder(tx, { order, to: "paid", actor, patch: { paidAt: now, expiresAt: confirmBy } });
      await storeReceipt(tx, id, "trader", actor, file);
      return paid;
    }),
  );
}
