import { merchantRoute } from "@/lib/api/gateway-handler";
import { createPayinSchema } from "@/lib/api/schemas/payin";
import { createPayin } from "@/lib/orders/create-payin";
import { serializeOrder } from "@/lib/orders/serialize-order";

/** The answer for a created order: the same for the request and for its replays. */
const created = (order: Parameters<typeof serializeOrder>[0]) => ({ status: 201, body: serializeOrder(order) });

export const POST = merchantRoute(
  async ({ auth, body, actor, idempotency }) => {
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
        returnUrl: input.return_url,
      },
      actor,
      new Date(),
      idempotency ? { claim: idempotency, respond: created } : undefined,
    );
    return created(order);
  },
  // The order and its Idempotency-Key commit together (lib/api/idempotency.ts, IdempotencyClaim);
  // the key may come from the cache, as the order's INSERT re-checks it (authenticateStore).
  { claimsIdempotencyKey: true, cachedAuth: true },
);
