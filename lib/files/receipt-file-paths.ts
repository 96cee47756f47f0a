/**
 * The policy receipt files are served under: a sandbox without script, so an uploaded file
 * opened in a tab can do nothing in the cabinet's origin. No imports: proxy.ts reads it too.
 */
export const RECEIPT_FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** The routes that serve a receipt's bytes (lib/web/receipt-response.ts). */
export function isReceiptFilePath(pathname: string): boolean {
  return /^\/(?:support\/receipts|api\/files\/receipts|api\/cabinet\/merchant\/receipts)\/[^/]+$/.test(pathname);
}
