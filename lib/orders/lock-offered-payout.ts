import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { lockOrder, type LockedOrder } from "./load-order";

/**
 * Locks a payout the trader may act on: one offered to them now, or one they hold (so that a
 * late accept or decline of their own payout is a 409 about its state, not a 404). Any other
 * order — another trader's offer, a pay-in — is "not found" to them.
 */
export async function lockOfferedPayout(tx: Tx, id: string, traderId: number): Promise<LockedOrder> {
  const order = await lockOrder(tx, id);
  if (order.type !== "payout" || (order.offered_trader_id !== traderId && order.trader_id !== traderId)) {
    throw new DomainError("order_not_found", `No payout ${id} offered to you.`, { param: "id" });
  }
  return order;
}
