import { merchantRoute } from "@/lib/api/route";
import { orderIdParam } from "@/lib/api/schemas/common";
import { cancelOrderSchema } from "@/lib/api/schemas/payin";
import { endOrder } from "@/lib/orders/end-order";
import { serializeOrder } from "@/lib/orders/serialize-order";
import { DomainError } from "@/lib/errors/domain-error";

export const POST = merchantRoute(async ({ auth, params, body, actor }) => {
  const id = orderIdParam.parse(params.id);
  if (!id.startsWith("pi_")) throw new DomainError("not_found", "order_not_found", `No pay-in ${id}.`, "id");
  const { reason } = cancelOrderSchema.parse(body);
  const order = await endOrder(id, "cancelled", { storeId: auth.store.id }, actor, { note: reason });
  return { body: serializeOrder(order) };
});
