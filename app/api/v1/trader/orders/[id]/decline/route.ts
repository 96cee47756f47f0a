import { traderRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { declinePayout } from "@/lib/orders/decline-payout";

/** The trader declines the payout offered to them: it goes to the next online trader. */
export const POST = traderRoute(async ({ auth, params, actor }) => {
  const result = await declinePayout(parseOrderId(params.id), auth.trader.id, actor);
  return { body: { id: result.id, object: "payout", offer: "declined" } };
});
