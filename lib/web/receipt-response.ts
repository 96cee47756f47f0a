import "server-only";
import { Readable } from "node:stream";
import { DomainError } from "@/lib/errors/domain-error";
import { openStoredFile } from "@/lib/files/open-stored-file";
import { RECEIPT_FILE_CSP } from "@/lib/files/receipt-file-paths";
import { getViewableReceipt, type ReceiptViewer } from "@/lib/orders/get-viewable-receipt";

/** Images a browser may show inline, sandboxed; PDFs and anything else are only ever downloaded. */
const INLINE_IMAGES = new Set(["image/png", "image/jpeg", "image/webp"]);
const KNOWN_TYPES = new Set([...INLINE_IMAGES, "image/heic", "image/heif", "application/pdf"]);

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", "x-content-type-options": "nosniff" } });

/**
 * A receipt's bytes for a viewer who may see its order (getViewableReceipt), streamed from
 * storage (rows from before storage from their `data`). An image opens inline unless
 * `download`, under a sandbox CSP so it can run nothing; a PDF (a browser's viewer runs its
 * scripts) and any other type are attachments; nothing is sniffed or cached. 404 for an id that
 * is not a positive integer, not the viewer's, or whose bytes storage has lost.
 */
export async function receiptResponse(viewer: ReceiptViewer, rawId: string, options: { download: boolean }): Promise<Response> {
  if (!/^\d{1,9}$/.test(rawId) || Number(rawId) === 0) return text("Not found.", 404);
  let receipt;
  try {
    receipt = await getViewableReceipt(viewer, Number(rawId));
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return text("Not found.", 404);
    throw error;
  }
  const stream = await openStoredFile(receipt);
  if (!stream) return text("Not found.", 404);

  const inline = INLINE_IMAGES.has(receipt.contentType) && !options.download;
  const asciiName = receipt.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": KNOWN_TYPES.has(receipt.contentType) ? receipt.contentType : "application/octet-stream",
      "content-length": String(receipt.sizeBytes),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(receipt.fileName)}`,
      // proxy.ts sets the same policy on these paths (it would otherwise replace this one with the pages').
      "content-security-policy": RECEIPT_FILE_CSP,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}

/** A session user as a receipt viewer. */
export function receiptViewerOf(user: { id: number; role: ReceiptViewer["role"]; traderId: number | null; permissions: Record<string, boolean> }): ReceiptViewer {
  return { id: user.id, role: user.role, traderId: user.traderId, mayReadReceipts: user.role === "support" && user.permissions["receipts.read"] === true };
}
