import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";

export interface ReceiptUpload {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export async function storeReceipt(tx: Tx, orderId: string, uploadedVia: string, actor: Actor, receipt: ReceiptUpload) {
  await tx.receipt.create({
    data: {
      orderId,
      uploadedVia,
      uploadedById: actor.userId ?? null,
      fileName: receipt.fileName,
      contentType: receipt.contentType,
      sizeBytes: receipt.data.length,
      sha256: createHash("sha256").update(receipt.data).digest("hex"),
      data: new Uint8Array(receipt.data),
    },
  });
}
