import { merchantRoute } from "@/lib/api/gateway-handler";
import { parseOrderId } from "@/lib/api/schemas/common";
import { resendCallbackSchema } from "@/lib/api/schemas/callbacks";
import { resendCallback } from "@/lib/callbacks/resend-callback";
import { serializeCallback } from "@/lib/callbacks/serialize-callback";

export const POST = merchantRoute(async ({ auth, params, body }) => {
  const id = parseOrderId(params.id);
  const { delivery_id: deliveryId } = resendCallbackSchema.parse(body);
  const callback = await resendCallback(auth.store.id, id, deliveryId === undefined ? undefined : BigInt(deliveryId));
  return { body: serializeCallback(callback) };
});
