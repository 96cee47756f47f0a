"use server";

import { requirePermission } from "@/lib/web/session";
import type { ActionResult } from "@/components/admin/action-result";
import { runForceOrder } from "../../force-order-action";

/**
 * An admin forces a stuck order to completed or cancelled with a note (a public endpoint like
 * any server action): the role and traders.manage are checked here (403 otherwise) and again by
 * forceOrder.
 */
export async function forceOrderAction(input: unknown): Promise<ActionResult> {
  const user = await requirePermission("admin", "traders.manage");
  return runForceOrder(input, { role: "admin", userId: user.id }, "/admin/orders");
}
