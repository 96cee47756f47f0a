import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { lockOrder } from "./load-order";
import { completePayout } from "./complete-payout";

/**
 * The merchant confirms that the recipient got a paid payout's money: it completes at once
 * (the store's hold repays the trader; see completePayout). Only a `paid` payout can be
 * confirmed; the lifecycle table refuses anything else.
 */
export async function confirmPayout(id: string, storeId: number, actor: Actor) {
  return runTransaction(async (tx) => {
    const order = await lockOrder(tx, id, { storeId });
    if (order.type !== "payout") throw new DomainError("order_not_found", `No payout ${id}.`, { param: "id" });
    return completePayout(tx, order, actor);
  });
}
