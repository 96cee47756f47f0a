import { merchantRoute } from "@/lib/api/gateway-handler";
import { createPayinSchema } from "@/lib/api/schemas/payin";
import { createPayin } from "@/lib/orders/create-payin";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const POST = merchantRoute(async ({ auth, body, actor }) => {
  const input = createPayinSchema.parse(body);
  const order = await createPayin(
    auth.store,
    {
      amount: BigInt(input.amount),
      currency: input.currency,
      customerId: input.customer_id,
      merchantOrderId: input.merchant_order_id,
      paymentMethod: input.payment_method,
      metadata: input.metadata,
    },
    actor,
  );
  return { status: 201, body: serializeOrder(order) };
});
