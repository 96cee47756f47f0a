import type { OrderStatus } from "@/lib/generated/prisma/enums";

/**
 * Statuses in which an order occupies a requisite and holds money. Who may move an order
 * between statuses is lib/orders/lifecycle.ts.
 */
export const OPEN_STATUSES = ["awaiting_payment", "assigned", "paid", "disputed"] as const satisfies readonly OrderStatus[];
