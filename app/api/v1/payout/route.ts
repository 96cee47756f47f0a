import { merchantRoute } from "@/lib/api/gateway-handler";
import { createPayoutSchema } from "@/lib/api/schemas/payout";
import { createPayout } from "@/lib/orders/create-payout";
import { serializeOrder } from "@/lib/orders/serialize-order";

export const POST = merchantRoute(async ({ auth, body, actor }) => {
  const input = createPayoutSchema.parse(body);
  const order = await createPayout(
    auth.store,
    {
      amount: BigInt(input.amount),
      currency: input.currency,
      customerId: input.customer_id,
      merchantOrderId: input.merchant_order_id,
      destination: input.destination,
      metadata: input.metadata,
    },
    actor,
  );
  return { status: 201, body: serializeOrder(order) };
});
