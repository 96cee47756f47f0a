import { traderRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { serializeOrder } from "@/lib/orders/serialize-order";

/** The trader takes the payout offered to them: it becomes theirs to pay. */
export const POST = traderRoute(async ({ auth, params, actor }) => {
  const order = await acceptPayout(parseOrderId(params.id), auth.trader.id, actor);
  return { body: serializeOrder(order) };
});
