import "server-only";
import { forceOrder } from "@/lib/orders/force-order";
import { forceOrderSchema } from "@/lib/orders/force-order-schema";
import type { ActionContext, ActionResult } from "@/lib/web/action";
import type { z } from "zod";

/**
 * What support's and the admin's force-order actions share (each checks its own role and
 * permission in runAction): the dialog's input, and the force dialog's wording of refusals.
 */
export const FORCE_ORDER = { schema: forceOrderSchema, errors: "forceOrder" } as const;

/**
 * Forces the order through the engine as the caller (forceOrder checks them again and records
 * the audit entry) and answers the toast's message.
 */
export async function forceOrderNow({ input, actor, t }: ActionContext<"admin" | "support", z.output<typeof forceOrderSchema>>): Promise<ActionResult<{ message: string }>> {
  const order = await forceOrder({ ...input, actor });
  return { ok: true, message: t(order.status === "completed" ? "forceOrder.completed" : "forceOrder.cancelled", { id: order.id }) };
}
