import { z } from "zod";
import { traderRoute } from "@/lib/api/gateway-handler";
import { decodeReceipt, parseOrderId, receiptSchema } from "@/lib/api/schemas/common";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { serializeOrder } from "@/lib/orders/serialize-order";

const bodySchema = z.object({ receipt: receiptSchema }).strict();

export const POST = traderRoute(
  async ({ auth, params, body, actor }) => {
    const { receipt } = bodySchema.parse(body);
    const order = await markPayoutPaid(parseOrderId(params.id), auth.trader.id, actor, decodeReceipt(receipt));
    return { body: serializeOrder(order) };
  },
  { inlineFiles: 1 },
);
