import "server-only";
import { prisma } from "@/lib/db/client";
import { beyondTimeCursor } from "@/lib/pagination/keyset";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { ORDER_API_INCLUDE } from "./get-order";

/**
 * A page of a store's orders, newest first, by keyset on (created_at, id) — indexes
 * (store_id[, status | type], created_at DESC, id DESC) — so page 10 000 is as fast as page 1.
 * The cursor is the last order id of the previous page; an unknown cursor yields an empty page.
 */
export async function listStoreOrders(
  storeId: number,
  query: { limit: number; startingAfter?: string; status?: OrderStatus; type?: OrderType },
) {
  const cursor = query.startingAfter
    ? await prisma.incomingOrder.findFirst({ where: { id: query.startingAfter, storeId }, select: { id: true, createdAt: true } })
    : null;
  if (query.startingAfter && !cursor) return { data: [], hasMore: false };
  const rows = await prisma.incomingOrder.findMany({
    where: {
      storeId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(cursor ? beyondTimeCursor({ at: cursor.createdAt, id: cursor.id }, "createdAt") : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: ORDER_API_INCLUDE,
  });
  return { data: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
