"use server";

import { runAction, type ActionResult } from "@/lib/web/action";
import { FORCE_ORDER, forceOrderNow } from "../../force-order-action";

/**
 * Support forces a stuck order to completed or cancelled with a note (a public endpoint like
 * any server action): the role and disputes.resolve are checked here (403 otherwise) and again
 * by forceOrder.
 */
export async function forceOrderAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction({ role: "support", permission: "disputes.resolve", ...FORCE_ORDER, revalidate: { path: "/support", type: "layout" } }, input, forceOrderNow);
}
