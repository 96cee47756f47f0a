import { merchantRoute } from "@/lib/api/route";
import { orderIdParam } from "@/lib/api/schemas/common";
import { getStoreOrder } from "@/lib/orders/get-order";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const GET = merchantRoute(async ({ auth, params }) => {
  const order = await getStoreOrder(auth.store.id, orderIdParam.parse(params.id), "payout");
  return { body: serializeOrder(order) };
});
