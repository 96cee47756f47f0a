import type { Actor } from "@/lib/audit/record-audit";
import { adminActor, customerActor, merchantActor, supportActor, systemActor, traderActor } from "@/lib/testing/actors";
import type { SimParty } from "./ops";
import type { SimWorld } from "./world";

/** What the simulator knows of an order when a party turns to it (read just before the move). */
export interface OrderView {
  id: string;
  type: "payin" | "payout";
  status: string;
  store_id: number;
  trader_id: number | null;
  offered_trader_id: number | null;
}

/**
 * How one party appears to the domain functions for one order: the actor, and the store or
 * trader it claims to be. A stranger ("other_*") claims another store or trader; everyone else
 * claims the order's own, so a wrong party is refused for who it is, not because it cannot see
 * the order — that is the lifecycle table's job to catch.
 */
export interface PartyView {
  actor: Actor;
  storeId: number;
  traderId: number;
  /** The scope argument of functions that take either (completePayin, endOrder). */
  scope: { storeId?: number; traderId?: number };
  /** Staff actions need a note. */
  note?: string;
  traderSide: boolean;
}

export const STAFF_NOTE = "Simulator: checked the bank statement.";

export function partyView(party: SimParty, order: OrderView, world: SimWorld, stranger: number): PartyView {
  const strangerTrader = pickOther(world.traders.map((t) => t.id), order.trader_id ?? order.offered_trader_id, stranger);
  const ownTrader = order.trader_id ?? order.offered_trader_id ?? strangerTrader;
  const otherStore = pickOther(world.stores.map((s) => s.id), order.store_id, stranger);
  const trader = world.traders.find((t) => t.id === ownTrader)!;
  const store = world.stores.find((s) => s.id === order.store_id)!;
  const merchantSide = (actor: Actor, storeId = order.store_id): PartyView => ({ actor, storeId, traderId: ownTrader, scope: { storeId }, traderSide: false });
  const traderSide = (actor: Actor, traderId = ownTrader): PartyView => ({ actor, storeId: order.store_id, traderId, scope: { traderId }, traderSide: true });
  const staff = (actor: Actor): PartyView => ({ actor, storeId: order.store_id, traderId: ownTrader, scope: {}, note: STAFF_NOTE, traderSide: false });
  switch (party) {
    case "merchant":
      return merchantSide(merchantActor);
    case "merchant_cabinet":
      return merchantSide({ type: "user", role: "merchant", userId: store.userId });
    case "other_merchant":
      return merchantSide(merchantActor, otherStore);
    case "customer":
      return merchantSide(customerActor);
    case "own_trader":
      return traderSide(traderActor);
    case "trader_cabinet":
      return traderSide({ type: "user", role: "trader", userId: trader.userId });
    case "other_trader":
      return traderSide(traderActor, strangerTrader);
    case "system":
      return { ...staff(systemActor), note: undefined };
    case "support":
      return staff(supportActor(world.supportId));
    case "support2":
      return staff(supportActor(world.support2Id));
    case "support_no_perm":
      return staff(supportActor(world.supportNoPermId));
    case "admin":
      return staff(adminActor(world.adminId));
  }
}

/** The `stranger`-th id of `ids` that is not `own`. */
function pickOther(ids: number[], own: number | null, stranger: number): number {
  const others = ids.filter((id) => id !== own);
  return others[stranger % others.length];
}
