import "server-only";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { metrics } from "./metrics";

const FAILED: readonly OrderStatus[] = ["cancelled", "expired", "failed"];

/** A new order committed (lib/orders/create-order.ts). */
export function countOrderCreated(type: OrderType): void {
  metrics().ordersCreated.inc({ type });
}

/**
 * A status change committed (lib/orders/transition-order.ts, the one place every change goes
 * through): completions and endings are counted; the moves in between are not outcomes.
 */
export function countOrderStatus(type: OrderType, to: OrderStatus): void {
  if (to === "completed") metrics().ordersCompleted.inc({ type });
  else if (FAILED.includes(to)) metrics().ordersFailed.inc({ type, status: to });
}

/** A matching attempt that found nobody (lib/matching/match-order.ts). */
export function countMatchingMiss(type: OrderType): void {
  metrics().matchingMisses.inc({ type });
}
