import { observedRoute } from "@/lib/api/observe-request";
import { parseOrderId } from "@/lib/api/schemas/common";
import { DomainError } from "@/lib/errors/domain-error";
import { receiveUploadedFile } from "@/lib/files/receive-upload";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { readSettings } from "@/lib/settings/read-settings";
import { actionRefusal, type ActionResult } from "@/lib/web/action";
import { getTranslator } from "@/lib/web/locale";
import { receiptRefusalText } from "@/lib/web/receipt-refusal-text";
import { requestActor } from "@/lib/web/request-actor";
import { routeUserOrRefusal } from "@/lib/web/route-user";

export const dynamic = "force-dynamic";

/**
 * The trader cabinet's "Upload receipt" on a payout: the file (multipart field "receipt") is
 * streamed into storage as it arrives (receiveUploadedFile: receipts.max_bytes, type by
 * signature, SHA-256), then the payout becomes paid. A route handler, not a server action: an
 * action's body is buffered and capped at 1 MB. proxy.ts skips this path, so the body is not
 * buffered there either. Answers the dialog's ActionResult as JSON; a refused
 * file in the same words as the dialog's own check (lib/web/receipt-refusal-text.ts).
 */
export const POST = observedRoute("/api/cabinet/trader/payouts/{id}/receipt", async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, refusal } = await routeUserOrRefusal("trader");
  if (refusal) return refusal;
  const { t } = await getTranslator();
  const answer = (result: ActionResult<{ status?: string }>, status = 200) => Response.json(result, { status, headers: { "cache-control": "no-store" } });
  if (user.role !== "trader" || user.traderId === null) return answer({ ok: false, message: t("errors.forbiddenText") }, 403);

  try {
    const orderId = parseOrderId((await params).id);
    const file = await receiveUploadedFile(request, { field: "receipt" });
    const order = await markPayoutPaid(orderId, user.traderId, await requestActor(user), file);
    return answer({ ok: true, status: order.status });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fileRefusal = receiptRefusalText(error, t, (await readSettings())["receipts.max_bytes"]);
    if (fileRefusal) return answer({ ok: false, message: fileRefusal, fieldErrors: { receipt: fileRefusal } }, error.status);
    return answer(actionRefusal(error, t, { scope: "trader" }), error.status);
  }
});
