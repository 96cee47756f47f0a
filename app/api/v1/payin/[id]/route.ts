import { merchantRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { getStoreOrder } from "@/lib/orders/get-order";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const GET = merchantRoute(async ({ auth, params }) => {
  const order = await getStoreOrder(auth.store.id, parseOrderId(params.id), "payin");
  return { body: serializeOrder(order) };
});
