import "server-only";
import { merchantRoute } from "./gateway-handler";
import { cancelOrderSchema, parseOrderId } from "./schemas/common";
import { DomainError } from "@/lib/errors/domain-error";
import { endOrder } from "@/lib/orders/end-order";
import { serializeOrder } from "@/lib/orders/serialize-order";

/** POST /payin/{id}/cancel and /payout/{id}/cancel: the merchant cancels; holds are released. */
export function cancelOrderRoute(type: "payin" | "payout") {
  return merchantRoute(async ({ auth, params, body, actor }) => {
    const id = parseOrderId(params.id);
    if (!id.startsWith(type === "payin" ? "pi_" : "po_")) throw new DomainError("order_not_found", `No ${type} ${id}.`, { param: "id" });
    const { reason } = cancelOrderSchema.parse(body);
    const order = await endOrder(id, "cancelled", { storeId: auth.store.id }, actor, { note: reason });
    return { body: serializeOrder(order) };
  });
}
