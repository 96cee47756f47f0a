import type { Actor } from "@/lib/audit/record-audit";
import type { Party } from "./lifecycle";
import { isVerifiedStaff } from "@/lib/auth/verify-staff";

/**
 * The party an actor acts as in the order lifecycle: the API key decides for the gateway
 * (merchant) and the trader API, the role for a cabinet session (from the signed-in user) —
 * and for support and admins only once verifyStaff checked them (lib/auth/verify-staff.ts). A
 * teamlead, an unverified staff actor, or a session without a role is no party: every order
 * move is refused to it.
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
      if (actor.role === "merchant" || actor.role === "trader") return actor.role;
      if (actor.role === "support" || actor.role === "admin") return isVerifiedStaff(actor) ? actor.role : null;
      return null;
  }
}
