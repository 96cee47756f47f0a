import "server-only";
import { merchantRoute } from "./gateway-handler";
import { parseOrderId } from "./schemas/common";
import { API_EVIDENCE_MAX_FILES, decodeEvidence, openDisputeSchema } from "./schemas/dispute";
import { DomainError } from "@/lib/errors/domain-error";
import { openDispute } from "@/lib/disputes/open-dispute";
import { serializeDisputedOrder } from "@/lib/disputes/serialize-dispute";

/**
 * POST /payin/{id}/dispute (the customer paid, the trader did not confirm — or paid late,
 * after the order ended) and /payout/{id}/dispute (the recipient got no money): the merchant
 * opens a dispute for support.
 */
export function disputeOrderRoute(type: "payin" | "payout") {
  return merchantRoute(async ({ auth, params, body, actor }) => {
    const id = parseOrderId(params.id);
    if (!id.startsWith(type === "payin" ? "pi_" : "po_")) throw new DomainError("order_not_found", `No ${type} ${id}.`, { param: "id" });
    const { reason, evidence } = openDisputeSchema.parse(body);
    const result = await openDispute({ orderId: id, storeId: auth.store.id, reason, evidence: (evidence ?? []).map(decodeEvidence), actor, via: "merchant_api" });
    return { body: serializeDisputedOrder(result) };
  }, { inlineFiles: API_EVIDENCE_MAX_FILES });
}
