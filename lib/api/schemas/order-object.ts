import { z } from "zod";

/** The order object the API returns and callbacks carry (documentation of serializeOrder). */
export const orderObjectSchema = z.object({
  id: z.string().describe("pi_… for pay-ins, po_… for payouts; time-ordered"),
  object: z.enum(["payin", "payout"]),
  status: z.enum(["created", "awaiting_payment", "assigned", "paid", "disputed", "completed", "cancelled", "expired", "failed"]),
  amount: z.number().int().describe("Minor units (kopecks). May exceed original_amount by a few units when the store allows collision adjustment."),
  original_amount: z.number().int(),
  currency: z.string(),
  customer_id: z.string(),
  merchant_order_id: z.string(),
  requisite: z
    .object({ type: z.string(), bank: z.string().nullable(), number: z.string().nullable(), holder: z.string().nullable() })
    .nullable()
    .describe("Where the customer pays (pay-ins); null until matched"),
  payment_url: z
    .string()
    .nullable()
    .describe("Pay-ins: the hosted payment page (https://…/pay/{token}) to send the customer to; it shows the requisite, takes the receipt and returns the customer to return_url when the order ends. Null for payouts"),
  destination: z.record(z.string(), z.unknown()).nullable(),
  rate: z.string().nullable().describe("Fiat per 1 USDT, fixed at matching"),
  crypto_amount: z.string().nullable().describe("USDT value, decimal string"),
  failure_reason: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  expires_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  completed_at: z.string().nullable(),
});

export const errorObjectSchema = z.object({
  error: z.object({ type: z.string(), code: z.string(), message: z.string(), param: z.string().optional() }),
});

export const balanceObjectSchema = z.object({
  object: z.literal("balance"),
  data: z.array(
    z.object({ currency: z.string(), available: z.number().int(), held: z.number().int(), available_decimal: z.string(), held_decimal: z.string() }),
  ),
});
