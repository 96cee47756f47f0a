import "server-only";
import type { Tx } from "@/lib/db/client";
import { onRollback } from "@/lib/db/run-transaction";
import type { Actor } from "@/lib/audit/record-audit";
import { deleteStoredFiles } from "@/lib/files/delete-stored-file";
import type { StoredFile } from "@/lib/files/stored-file";
import type { FileBytes } from "@/lib/files/store-file-bytes";

/** A receipt still in memory (tests, the simulator); callers store it with toStoredFile first. */
export type ReceiptUpload = FileBytes;

/**
 * Records a receipt of the order whose bytes are already in storage (receiveUploadedFile for
 * uploads, storeFileBytes for the API's base64 receipts: files are stored before the
 * transaction, never inside it). If the transaction does not commit, the file is deleted,
 * best effort. A file whose SHA-256 another order's receipt has too is flagged to support by
 * listReceiptDuplicates, from the receipts.sha256 index.
 */
export async function storeReceipt(tx: Tx, orderId: string, uploadedVia: string, actor: Actor, file: StoredFile, disputeId?: number) {
  onRollback(tx, () => deleteStoredFiles([file]));
  return tx.receipt.create({
    data: {
      orderId,
      disputeId: disputeId ?? null,
      uploadedVia,
      uploadedById: actor.userId ?? null,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      storageDriver: file.storageDriver,
      storageKey: file.storageKey,
    },
    select: { id: true },
  });
}
