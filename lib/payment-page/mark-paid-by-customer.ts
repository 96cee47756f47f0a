import "server-only";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { findPageOrder } from "./find-page-order";

/**
 * "I have paid" on the hosted payment page: the same move, rules and records as the merchant's
 * POST /api/v1/payin/{id}/confirm (markPayinPaid), made by the customer (actor type customer, so
 * the lifecycle sees party customer): only from awaiting_payment and before the deadline,
 * 409 invalid_state otherwise.
 */
export async function markPaidByCustomer(token: string, actor: Actor & { type: "customer" }, now = new Date()) {
  const order = await findPageOrder(prisma, token);
  return markPayinPaid(order.id, order.storeId, actor, undefined, now);
}
