import { z } from "zod";

export const listOrdersQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    starting_after: z.string().regex(/^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/, { message: "must be an order id" }).optional(),
    status: z.enum(["created", "awaiting_payment", "assigned", "paid", "disputed", "completed", "cancelled", "expired", "failed"]).optional(),
    type: z.enum(["payin", "payout"]).optional(),
  })
  .strict();

export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;
