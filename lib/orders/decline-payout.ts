import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { readSettings } from "@/lib/settings/read-settings";
import { offerOnward } from "@/lib/matching/offer-onward";
import { withdrawOffer } from "@/lib/matching/withdraw-offer";
import { lockOfferedPayout } from "./lock-offered-payout";

/**
 * The trader a payout is offered to declines it: it is never offered to them again, and goes
 * to the next online trader at once. The status stays `created` (no transition: nothing was
 * held for the trader).
 */
export async function declinePayout(id: string, traderId: number, actor: Actor, now = new Date()) {
  const settings = await readSettings();
  return runTransaction(async (tx) => {
    const order = await lockOfferedPayout(tx, id, traderId);
    if (order.status !== "created" || order.offered_trader_id !== traderId) {
      throw new DomainError("invalid_state", `The payout is ${order.status}${order.status === "created" ? " and no longer offered to you" : ""}; there is no offer to decline.`);
    }
    await offerOnward(tx, await withdrawOffer(tx, order, actor, "order.offer_declined"), now, settings);
    return { id, status: "declined" as const };
  });
}
