import type { Actor } from "@/lib/audit/record-audit";

/**
 * The parties of the order lifecycle as actors (lib/orders/lifecycle.ts decides what each may
 * do), for tests, the simulator and the seed: the gateway's merchant, the trader API, the
 * customer's payment page, the platform itself, and staff in their cabinets.
 */
export const merchantActor: Actor = { type: "merchant_api" };
export const traderActor: Actor = { type: "trader_api" };
export const customerActor: Actor = { type: "customer" };
export const systemActor: Actor = { type: "system" };
export const supportActor = (userId: number): Actor => ({ type: "user", role: "support", userId });
export const adminActor = (userId: number): Actor => ({ type: "user", role: "admin", userId });
