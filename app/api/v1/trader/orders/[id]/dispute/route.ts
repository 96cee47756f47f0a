import { traderRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { API_EVIDENCE_MAX_FILES, decodeEvidence, openDisputeSchema } from "@/lib/api/schemas/dispute";
import { openDispute } from "@/lib/disputes/open-dispute";
import { serializeDisputedOrder } from "@/lib/disputes/serialize-dispute";

/** The customer reported a payment the trader never received: the trader asks support to decide. */
export const POST = traderRoute(async ({ auth, params, body, actor }) => {
  const { reason, evidence } = openDisputeSchema.parse(body);
  const result = await openDispute({ orderId: parseOrderId(params.id), traderId: auth.trader.id, reason, evidence: (evidence ?? []).map(decodeEvidence), actor, via: "trader" });
  return { body: serializeDisputedOrder(result) };
}, { inlineFiles: API_EVIDENCE_MAX_FILES });
