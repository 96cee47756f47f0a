import { merchantRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { listOrderCallbacks } from "@/lib/callbacks/list-order-callbacks";
import { serializeCallback } from "@/lib/callbacks/serialize-callback";

export const GET = merchantRoute(async ({ auth, params }) => {
  const callbacks = await listOrderCallbacks(auth.store.id, parseOrderId(params.id));
  return { body: { data: callbacks.map(serializeCallback) } };
});
