// A payout receipt uploaded from the cabinet goes through the same check as one sent to the
// trader API (lib/api/schemas/common.ts receiptSchema): same file types, same size limit.
import { decodeReceipt, receiptSchema } from "@/lib/api/schemas/common";
import type { ReceiptUpload } from "@/lib/orders/store-receipt";

/** The accepted content types (image/png, image/jpeg, application/pdf). */
export const RECEIPT_CONTENT_TYPES: readonly string[] = receiptSchema.shape.content_type.options;

/** The largest file the base64 limit admits: every 4 base64 characters carry 3 bytes. */
export const RECEIPT_MAX_BYTES = Math.floor((receiptSchema.shape.data_base64.maxLength ?? 0) / 4) * 3;

export type ReceiptFileError = "missing" | "type" | "size";

/** What is wrong with `file` as a receipt, or null; the browser checks before uploading, the server again. */
export function receiptFileError(file: { size: number; type: string } | null): ReceiptFileError | null {
  if (!file || file.size === 0) return "missing";
  if (!RECEIPT_CONTENT_TYPES.includes(file.type)) return "type";
  if (file.size > RECEIPT_MAX_BYTES) return "size";
  return null;
}

/** A checked upload from a form's File, or the reason it is refused. */
export async function receiptFromFile(file: File | null): Promise<{ receipt: ReceiptUpload } | { error: ReceiptFileError }> {
  const error = receiptFileError(file);
  if (error || !file) return { error: error ?? "missing" };
  const parsed = receiptSchema.safeParse({
    // A browser may send any name; only the bytes matter, so an odd name is tidied, not refused.
    file_name: file.name.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, "_").trim().slice(0, 255) || "receipt",
    content_type: file.type,
    data_base64: Buffer.from(await file.arrayBuffer()).toString("base64"),
  });
  if (!parsed.success) return { error: parsed.error.issues.some((issue) => issue.path[0] === "content_type") ? "type" : "size" };
  return { receipt: decodeReceipt(parsed.data) };
}
