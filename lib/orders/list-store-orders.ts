import "server-only";
import { prisma } from "@/lib/db/client";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { ORDER_API_INCLUDE } from "./get-order";

/**
 * A page of a store's orders, newest first, by keyset on the time-ordered id (index
 * (store_id, id DESC) or (store_id, status, id DESC)): as fast on page 10 000 as on page 1.
 */
export async function listStoreOrders(
  storeId: number,
  query: { limit: number; startingAfter?: string; status?: OrderStatus; type?: OrderType },
) {
  const rows = await prisma.incomingOrder.findMany({
    where: {
      storeId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.startingAfter ? { id: { lt: query.startingAfter } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: ORDER_API_INCLUDE,
  });
  return { data: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
