import { z } from "zod";
import { traderRoute } from "@/lib/api/gateway-handler";
import { listTraderOrders } from "@/lib/orders/list-trader-orders";
import { serializeTraderOrder } from "@/lib/orders/serialize-order";

const querySchema = z
  .object({ status: z.enum(["created", "awaiting_payment", "assigned", "paid", "disputed", "completed", "cancelled", "expired"]).optional() })
  .strict();

export const GET = traderRoute(async ({ auth, request }) => {
  const { status } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const orders = await listTraderOrders(auth.trader.id, status);
  return { body: { object: "list", data: orders.map((order) => serializeTraderOrder(order, auth.trader.id)) } };
});
