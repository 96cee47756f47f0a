import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import type { Actor } from "@/lib/audit/record-audit";
import { lockOrder } from "./load-order";
import { completeLockedPayin } from "./complete-locked-payin";

/**
 * The trader confirms the fiat arrived (or support resolves a dispute in the customer's
 * favour): the pay-in completes in its own transaction under the order lock — see
 * completeLockedPayin for the money it moves.
 */
export async function completePayin(id: string, scope: { traderId?: number; storeId?: number }, actor: Actor, note?: string) {
  return runTransaction(async (tx) => completeLockedPayin(tx, await lockOrder(tx, id, scope), actor, note));
}
