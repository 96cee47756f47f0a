import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/web/session";
import { getReceiptFile } from "@/lib/orders/get-receipt-file";

/** Types a browser may show inline; anything else is only ever downloaded. */
const INLINE_TYPES = new Set(["image/png", "image/jpeg", "application/pdf"]);

/**
 * A receipt or evidence file for support: inline (View) or as an attachment (?download=1).
 * Route handlers do not pass through the cabinet layout, so the role and the receipts.read
 * permission are checked here (the role again by getReceiptFile). Files are never sniffed, images are sandboxed, and any other type
 * is sent as an opaque download, so an uploaded file cannot run script in the cabinet's origin.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL("/login", request.url));
  // A session that must enrol in 2FA first opens nothing of the cabinet (lib/web/session.ts).
  if (user.role !== "support" || !user.permissions["receipts.read"] || user.twoFactorSetupRequired) return new NextResponse("Forbidden", { status: 403 });
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return new NextResponse("Not found", { status: 404 });
  const receipt = await getReceiptFile(user.id, Number(id));
  if (!receipt) return new NextResponse("Not found", { status: 404 });

  const inline = INLINE_TYPES.has(receipt.contentType) && request.nextUrl.searchParams.get("download") !== "1";
  const asciiName = receipt.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new NextResponse(Buffer.from(receipt.data), {
    headers: {
      "content-type": INLINE_TYPES.has(receipt.contentType) ? receipt.contentType : "application/octet-stream",
      "content-length": String(receipt.data.length),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(receipt.fileName)}`,
      ...(receipt.contentType.startsWith("image/") ? { "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'" } : {}),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
