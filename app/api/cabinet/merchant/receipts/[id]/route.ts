import { observedRoute } from "@/lib/api/observe-request";
import { DomainError } from "@/lib/errors/domain-error";
import { getMerchantReceipt } from "@/lib/orders/get-merchant-order";
import { merchantOrRefusal } from "@/lib/web/merchant-route";

export const dynamic = "force-dynamic";

/**
 * A receipt of one of the signed-in merchant's orders. Always an attachment with nosniff, so
 * an uploaded HTML or SVG "receipt" can never run in the cabinet's origin.
 */
export const GET = observedRoute("/api/cabinet/merchant/receipts/{id}", async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await merchantOrRefusal();
  if (refusal) return refusal;
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return new Response("Not found.", { status: 404 });
  try {
    const receipt = await getMerchantReceipt(user.id, id);
    return new Response(new Uint8Array(receipt.data), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(receipt.fileName)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return new Response("Not found.", { status: 404 });
    throw error;
  }
});
