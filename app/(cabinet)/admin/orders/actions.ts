"use server";

import { runAction, type ActionResult } from "@/lib/web/action";
import { FORCE_ORDER, forceOrderNow } from "../../force-order-action";

/**
 * An admin forces a stuck order to completed or cancelled with a note (a public endpoint like
 * any server action): the role and traders.manage are checked here (403 otherwise) and again by
 * forceOrder.
 */
export async function forceOrderAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ role: "admin", permission: "traders.manage", ...FORCE_ORDER, revalidate: { path: "/admin/orders", type: "layout" } }, input, forceOrderNow);
}
