import { merchantRoute } from "@/lib/api/gateway-handler";
import { listOrdersQuerySchema } from "@/lib/api/schemas/orders";
import { listStoreOrders } from "@/lib/orders/list-store-orders";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const GET = merchantRoute(async ({ auth, request }) => {
  const query = listOrdersQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listStoreOrders(auth.store.id, {
    limit: query.limit,
    startingAfter: query.starting_after,
    status: query.status,
    type: query.type,
  });
  return { body: { object: "list", data: page.data.map(serializeOrder), has_more: page.hasMore } };
});
