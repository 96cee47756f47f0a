import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";

/** Statuses in which an order occupies a requisite and holds money. */
export const OPEN_STATUSES = ["awaiting_payment", "assigned", "paid", "disputed"] as const satisfies readonly OrderStatus[];

/** Legal transitions per order type (design.md); anything else is refused with invalid_state. */
export const TRANSITIONS: Record<OrderType, Partial<Record<OrderStatus, readonly OrderStatus[]>>> = {
  payin: {
    created: ["awaiting_payment", "failed", "cancelled"],
    awaiting_payment: ["paid", "completed", "expired", "cancelled"],
    paid: ["completed", "disputed"],
    disputed: ["completed", "cancelled"],
  },
  payout: {
    created: ["assigned", "failed", "cancelled"],
    assigned: ["paid", "expired", "cancelled"],
    paid: ["completed", "disputed"],
    disputed: ["completed", "cancelled"],
  },
};

export function canTransition(type: OrderType, from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[type][from]?.includes(to) ?? false;
}

