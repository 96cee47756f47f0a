import { merchantRoute } from "@/lib/api/route";
import { orderIdParam } from "@/lib/api/schemas/common";
import { confirmPayinSchema } from "@/lib/api/schemas/payin";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const POST = merchantRoute(async ({ auth, params, body, actor }) => {
  const id = orderIdParam.parse(params.id);
  const { receipt } = confirmPayinSchema.parse(body);
  const order = await markPayinPaid(
    id,
    auth.store.id,
    actor,
    receipt && { fileName: receipt.file_name, contentType: receipt.content_type, data: Buffer.from(receipt.data_base64, "base64") },
  );
  return { body: serializeOrder(order) };
});
