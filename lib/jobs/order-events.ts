import { eventType } from "inngest";
import { z } from "zod";

const orderId = z.string().min(1).max(32);
const isoTime = z.string().datetime({ offset: true });

/** An order's status changed (its callback was written to the outbox in the same transaction). */
export const orderChanged = eventType("order/changed", {
  // storeId: the delivery function's concurrency key (one store's callbacks never take every run).
  schema: z.object({ orderId, status: z.string(), storeId: z.number().int().optional() }),
});

/** An open order got a deadline (payment or payout timeout). */
export const orderDeadlineSet = eventType("order/deadline.set", {
  schema: z.object({ orderId, expiresAt: isoTime }),
});

/** A new order found no requisite; the next matching attempt is due at `nextMatchAt`. */
export const orderUnmatched = eventType("order/unmatched", {
  schema: z.object({ orderId, nextMatchAt: isoTime }),
});
