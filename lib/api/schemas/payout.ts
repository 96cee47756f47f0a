import { z } from "zod";
import { amountSchema, currencySchema, metadataSchema, text } from "./common";

export const payoutDestinationSchema = z
  .object({
    type: z.enum(["card", "sbp", "account"]),
    number: z.string().regex(/^\+?[0-9 ]{6,34}$/, { message: "must be a card, phone or account number" }),
    holder: text(128).optional(),
    bank: text(64).optional(),
  })
  .strict();

export const createPayoutSchema = z
  .object({
    amount: amountSchema,
    currency: currencySchema,
    customer_id: text(128),
    merchant_order_id: text(128),
    destination: payoutDestinationSchema,
    metadata: metadataSchema.optional(),
  })
  .strict();
