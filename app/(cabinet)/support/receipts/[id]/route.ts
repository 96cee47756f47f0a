import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/web/session";
import { receiptResponse, receiptViewerOf } from "@/lib/web/receipt-response";

export const dynamic = "force-dynamic";

/**
 * A receipt or evidence file for support: an image inline (View) or any file as an attachment
 * (?download=1), streamed by lib/web/receipt-response.ts. Route handlers do not pass through
 * the cabinet layout, so the role and the receipts.read permission are checked here (and again
 * against the database by getViewableReceipt).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL("/login", request.url));
  // A session that must enrol in 2FA first opens nothing of the cabinet (lib/web/session.ts).
  if (user.role !== "support" || !user.permissions["receipts.read"] || user.twoFactorSetupRequired) return new NextResponse("Forbidden", { status: 403 });
  return receiptResponse(receiptViewerOf(user), (await params).id, { download: request.nextUrl.searchParams.get("download") === "1" });
}
