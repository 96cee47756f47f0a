import { z } from "zod";
import { returnUrlHttpHosts } from "@/lib/env";
import { isAllowedReturnUrl } from "@/lib/payment-page/is-allowed-return-url";
import { amountSchema, currencySchema, metadataSchema, receiptSchema, text } from "./common";

/** Where the hosted payment page sends the customer when the order ends (see isAllowedReturnUrl). */
export const returnUrlSchema = z
  .url({ protocol: /^https?$/, error: "must be an https:// URL" })
  .max(2048)
  .refine((value) => isAllowedReturnUrl(value, returnUrlHttpHosts()), {
    message: "must be an https:// URL without credentials (plain http only to the hosts in RETURN_URL_HTTP_HOSTS, none in production)",
  })
  .describe("Where the hosted payment page (payment_url) sends the customer when the order ends: https (plain http only to development hosts). At most 2048 characters.");

export const createPayinSchema = z
  .object({
    amount: amountSchema,
    currency: currencySchema,
    customer_id: text(128),
    merchant_order_id: text(128),
    payment_method: z.string().regex(/^[a-z_]{2,32}$/, { message: "must be a payment method code such as card" }).optional(),
    metadata: metadataSchema.optional(),
    return_url: returnUrlSchema.optional(),
  })
  .strict();

export type CreatePayinBody = z.infer<typeof createPayinSchema>;

export const confirmPayinSchema = z.object({ receipt: receiptSchema.optional() }).strict();
