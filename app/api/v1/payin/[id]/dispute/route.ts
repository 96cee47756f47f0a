import { merchantRoute } from "@/lib/api/route";
import { parseOrderId } from "@/lib/api/schemas/common";
import { decodeEvidence, openDisputeSchema } from "@/lib/api/schemas/dispute";
import { DomainError } from "@/lib/errors/domain-error";
import { openDispute } from "@/lib/disputes/open-dispute";
import { serializeDisputedOrder } from "@/lib/disputes/serialize-dispute";

/** The customer paid but the trader did not confirm: the merchant opens a dispute for support. */
export const POST = merchantRoute(async ({ auth, params, body, actor }) => {
  const id = parseOrderId(params.id);
  if (!id.startsWith("pi_")) throw new DomainError("not_found", "order_not_found", `No payin ${id}.`, "id");
  const { reason, evidence } = openDisputeSchema.parse(body);
  const result = await openDispute({ orderId: id, storeId: auth.store.id, reason, evidence: (evidence ?? []).map(decodeEvidence), actor, via: "merchant_api" });
  return { body: serializeDisputedOrder(result) };
});
