import "server-only";
import { prisma } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "./statuses";
import { ORDER_API_INCLUDE } from "./get-order";

/**
 * A trader's own orders, newest first: by default the open ones and the payouts offered to
 * them right now (status `created`: accept or decline them).
 */
export async function listTraderOrders(traderId: number, status?: OrderStatus, limit = 100) {
  const offers = { offeredTraderId: traderId, status: "created" as const };
  return prisma.incomingOrder.findMany({
    where: status === "created" ? offers : status ? { traderId, status } : { OR: [{ traderId, status: { in: [...OPEN_STATUSES] } }, offers] },
    orderBy: { id: "desc" },
    take: limit,
    include: ORDER_API_INCLUDE,
  });
}
