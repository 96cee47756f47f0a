import "server-only";
import { prisma } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "./statuses";
import { ORDER_API_INCLUDE } from "./get-order";

/** A trader's own orders (open ones by default), newest first. */
export async function listTraderOrders(traderId: number, status?: OrderStatus, limit = 100) {
  return prisma.incomingOrder.findMany({
    where: { traderId, status: status ?? { in: [...OPEN_STATUSES] } },
    orderBy: { id: "desc" },
    take: limit,
    include: ORDER_API_INCLUDE,
  });
}
