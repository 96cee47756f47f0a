import "server-only";
import { listOwnedStoreIds } from "@/lib/stores/owned-stores";
import type { DataWorld } from "@/lib/sandbox/data-world";
import { encodeTimeCursor } from "@/lib/pagination/keyset";
import type { OrdersPageQuery } from "./order-filters";
import { fetchOrderBatch, type OrderRow } from "./order-keyset";

export const ORDERS_PAGE_SIZE = 50;

export interface MerchantOrdersPage {
  rows: OrderRow[];
  /** Cursor of the next (older) page, null on the last page. */
  older: string | null;
  /** Cursor of the previous (newer) page, null on the first page. */
  newer: string | null;
}

/**
 * One page of the merchant's orders across their stores (or the one store filtered on),
 * newest first, by keyset on (created_at, id): no OFFSET, so the 20 000th page costs what the
 * first does. Another merchant's store in the filter yields an empty page, as a store with no
 * orders would.
 */
export async function listMerchantOrders(
  merchantUserId: number,
  query: Pick<OrdersPageQuery, "filters" | "after" | "before"> & { world?: DataWorld },
  pageSize = ORDERS_PAGE_SIZE,
): Promise<MerchantOrdersPage> {
  // Live stores' orders unless the sandbox ones are asked for (the cabinet's switch).
  const owned = await listOwnedStoreIds(merchantUserId, query.world);
  const storeIds = query.filters.storeId === undefined ? owned : owned.filter((id) => id === query.filters.storeId);
  const empty: MerchantOrdersPage = { rows: [], older: null, newer: null };
  if (storeIds.length === 0) return empty;

  // One row more than a page tells whether there is another page in that direction.
  if (query.before && !query.after) {
    const rows = await fetchOrderBatch(storeIds, query.filters, { cursor: query.before, direction: "newer", take: pageSize + 1 });
    const page = rows.slice(0, pageSize).reverse();
    if (page.length === 0) return listMerchantOrders(merchantUserId, { filters: query.filters, world: query.world }, pageSize);
    return {
      rows: page,
      newer: rows.length > pageSize ? cursorOf(page[0]) : null,
      older: cursorOf(page[page.length - 1]),
    };
  }
  const rows = await fetchOrderBatch(storeIds, query.filters, { cursor: query.after, direction: "older", take: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  return {
    rows: page,
    older: rows.length > pageSize ? cursorOf(page[page.length - 1]) : null,
    newer: query.after && page.length > 0 ? cursorOf(page[0]) : null,
  };
}

const cursorOf = (row: { createdAt: Date; id: string }) => encodeTimeCursor({ at: row.createdAt, id: row.id });
