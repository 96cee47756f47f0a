import { traderRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { completePayin } from "@/lib/orders/complete-payin";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const POST = traderRoute(async ({ auth, params, actor }) => {
  const order = await completePayin(parseOrderId(params.id), { traderId: auth.trader.id }, actor);
  return { body: serializeOrder(order) };
});
