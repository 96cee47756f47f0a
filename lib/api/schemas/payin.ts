import { z } from "zod";
import { amountSchema, currencySchema, metadataSchema, text } from "./common";

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

export const confirmPayinSchema = z
  .object({
    receipt: z
      .object({
        file_name: text(255),
        content_type: z.enum(["image/png", "image/jpeg", "application/pdf"]),
        /** Base64 of the file, at most ~40 KB decoded. */
        data_base64: z.string().max(56_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "must be base64" }),
      })
      .strict()
      .optional(),
  })
  .strict();

export const cancelOrderSchema = z.object({ reason: text(500).optional() }).strict();
