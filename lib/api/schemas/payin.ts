import { z } from "zod";
import { amountSchema, currencySchema, metadataSchema, receiptSchema, text } from "./common";

export const createPayinSchema = z
  .object({
    amount: amountSchema,
    currency: currencySchema,
    customer_id: text(128),
    merchant_order_id: text(128),
    payment_method: z.string().regex(/^[a-z_]{2,32}$/, { message: "must be a payment method code such as card" }).optional(),
    metadata: metadataSchema.optional(),
  })
  .strict();

export type CreatePayinBody = z.infer<typeof createPayinSchema>;

export const confirmPayinSchema = z.object({ receipt: receiptSchema.optional() }).strict();
