import { merchantRoute } from "@/lib/api/gateway-handler";
import { decodeReceipt, parseOrderId } from "@/lib/api/schemas/common";
import { confirmPayinSchema } from "@/lib/api/schemas/payin";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const POST = merchantRoute(
  async ({ auth, params, body, actor }) => {
    const id = parseOrderId(params.id);
    const { receipt } = confirmPayinSchema.parse(body);
    const order = await markPayinPaid(id, auth.store.id, actor, receipt && decodeReceipt(receipt));
    return { body: serializeOrder(order) };
  },
  { inlineFiles: 1 },
);
