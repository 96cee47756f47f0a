import type { Actor } from "@/lib/audit/record-audit";
import type { Party } from "./lifecycle";

/**
 * The party an actor acts as in the order lifecycle: the API key decides for the gateway
 * (merchant) and the trader API, the role for a cabinet session. A teamlead, or a session
 * without a role, is no party: every order move is refused to it.
 */
export function partyOf(actor: Actor): Party | null {
  switch (actor.type) {
    case "system":
      return "system";
    case "merchant_api":
      return "merchant";
    case "trader_api":
      return "trader";
    case "customer":
      return "customer";
    case "user":
      return actor.role === "admin" || actor.role === "merchant" || actor.role === "trader" || actor.role === "support" ? actor.role : null;
  }
}
