// Factories and the demo seed use the engine's own money functions, so seeded history is
// rounded exactly like real orders.
import { multiply, type DecimalLike } from "@/lib/money/decimal";

export { fiatToCrypto } from "@/lib/money/convert";
export { splitPayin, splitPayout } from "@/lib/money/commissions";

/** What a payout holds of the store's funds: u·(1+s), the commission rounded half-up as on completion. */
export function payoutHold(u: bigint, storeCommission: DecimalLike): bigint {
  return u + multiply(u, storeCommission, "half_up");
}
