import { observedRoute } from "@/lib/api/observe-request";
import { merchantOrRefusal } from "@/lib/web/merchant-route";
import { receiptResponse, receiptViewerOf } from "@/lib/web/receipt-response";

export const dynamic = "force-dynamic";

/**
 * A receipt of one of the signed-in merchant's orders, always as an attachment with nosniff
 * (lib/web/receipt-response.ts), so an uploaded file can never run in the cabinet's origin.
 */
export const GET = observedRoute("/api/cabinet/merchant/receipts/{id}", async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await merchantOrRefusal();
  if (refusal) return refusal;
  return receiptResponse(receiptViewerOf(user), (await params).id, { download: true });
});
