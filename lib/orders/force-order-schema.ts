import { z } from "zod";
import { DISPUTE_TEXT_MAX } from "@/lib/disputes/limits";

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;

export const FORCED_OUTCOMES = ["completed", "cancelled"] as const;

/**
 * What support's or an admin's force dialog sends (lib/orders/force-order.ts checks the note
 * and the forcer again). Messages are keys under forceOrder.errors, translated by the action.
 * No server-only imports: the dialog reads the limits too.
 */
export const forceOrderSchema = z.object({
  orderId: z.string().regex(ORDER_ID, { message: "forceOrder.errors.order_not_found" }),
  outcome: z.enum(FORCED_OUTCOMES, { message: "forceOrder.errors.invalid" }),
  note: z.string().trim().min(1, { message: "forceOrder.errors.noteRequired" }).max(DISPUTE_TEXT_MAX, { message: "forceOrder.errors.noteTooLong" }),
});

export type ForceOrderForm = z.input<typeof forceOrderSchema>;
export type ForcedOutcomeChoice = (typeof FORCED_OUTCOMES)[number];
