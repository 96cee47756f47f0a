import { observedRoute } from "@/lib/api/observe-request";
import { getCurrentUser } from "@/lib/web/session";
import { receiptResponse, receiptViewerOf } from "@/lib/web/receipt-response";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * A receipt for whoever may see its order, whatever their cabinet: its trader, its store's
 * merchant, support (receipts.read) or an admin (lib/orders/get-viewable-receipt.ts checks
 * which); anyone else gets 404. An image opens inline (sandboxed) unless ?download=1.
 */
export const GET = observedRoute("/api/files/receipts/{id}", async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return text("Sign in first.", 401);
  if (user.twoFactorSetupRequired) return text("Set up two-factor sign-in first.", 403);
  const download = new URL(request.url).searchParams.get("download") === "1";
  return receiptResponse(receiptViewerOf(user), (await params).id, { download });
});
