import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import type { Actor } from "@/lib/audit/record-audit";
import { readSettings } from "@/lib/settings/read-settings";
import { offerOnward } from "@/lib/matching/offer-onward";
import { lockOfferedPayout } from "./lock-offered-payout";
import { transitionOrder } from "./transition-order";

/**
 * The trader who accepted a payout gives it back before paying: assigned → created, and it is
 * offered to the next online trader at once (never to them again). Nothing was paid, so nothing
 * moves: the store's hold stays for the next trader.
 */
export async function releasePayout(id: string, traderId: number, actor: Actor, options: { reason?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const settings = await readSettings();
  return runTransaction(async (tx) => {
    const order = await lockOfferedPayout(tx, id, traderId);
    const declined = [...order.declined_trader_ids, traderId];
    const released = await transitionOrder(tx, {
      order,
      to: "created",
      actor,
      note: options.reason?.trim() || null,
      patch: { traderId: null, requisiteId: null, traderReward: null, matchedAt: null, expiresAt: null, declinedTraderIds: declined },
    });
    const result = await offerOnward(tx, { ...order, status: "created", trader_id: null, requisite_id: null, trader_reward: null, declined_trader_ids: declined }, now, settings);
    return { ...released, status: result.outcome === "failed" ? ("failed" as const) : released.status };
  });
}
