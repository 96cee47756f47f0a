import { merchantRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { confirmPayout } from "@/lib/orders/confirm-payout";
import { serializeOrder } from "@/lib/orders/serialize-order";

/** The recipient got the money: the merchant confirms a paid payout, which completes. */
export const POST = merchantRoute(async ({ auth, params, actor }) => {
  const order = await confirmPayout(parseOrderId(params.id), auth.store.id, actor);
  return { body: serializeOrder(order) };
});
