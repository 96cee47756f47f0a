import { traderRoute } from "@/lib/api/gateway-handler";
import { cancelOrderSchema, parseOrderId } from "@/lib/api/schemas/common";
import { releasePayout } from "@/lib/orders/release-payout";
import { serializeOrder } from "@/lib/orders/serialize-order";

/** The trader gives back a payout they accepted but have not paid: it is offered to the next trader. */
export const POST = traderRoute(async ({ auth, params, body, actor }) => {
  const { reason } = cancelOrderSchema.parse(body ?? {});
  const order = await releasePayout(parseOrderId(params.id), auth.trader.id, actor, { reason });
  return { body: serializeOrder(order) };
});
