import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decimalToMinor } from "@/lib/money/parse-amount";
import { beyondTimeCursor, type TimeCursor } from "@/lib/pagination/keyset";
import type { OrderFilters } from "./order-filters";

/** What the orders table and the CSV export read of an order. */
export const ORDER_ROW_SELECT = {
  id: true,
  type: true,
  status: true,
  storeId: true,
  merchantOrderId: true,
  customerId: true,
  amount: true,
  cryptoAmount: true,
  rate: true,
  failureReason: true,
  createdAt: true,
  completedAt: true,
  store: { select: { name: true } },
  currency: { select: { code: true, exponent: true } },
} satisfies Prisma.IncomingOrderSelect;

export type OrderRow = Prisma.IncomingOrderGetPayload<{ select: typeof ORDER_ROW_SELECT }>;

/** "older" walks newest → oldest (the usual order); "newer" walks back towards the newest. */
export type Direction = "older" | "newer";

/** A position in a store's orders sorted by (created_at, id). */
export type OrderCursor = TimeCursor<string>;

/**
 * The filters as a where clause for one store. The amount bounds are decimals in each order's
 * own currency, so they become one range per currency (a lower bound rounds up, an upper down).
 */
async function filterWhere(filters: OrderFilters): Promise<Prisma.IncomingOrderWhereInput[]> {
  const where: Prisma.IncomingOrderWhereInput[] = [];
  if (filters.status) where.push({ status: filters.status });
  if (filters.type) where.push({ type: filters.type });
  if (filters.createdFrom || filters.createdBefore) {
    where.push({ createdAt: { ...(filters.createdFrom ? { gte: filters.createdFrom } : {}), ...(filters.createdBefore ? { lt: filters.createdBefore } : {}) } });
  }
  if (filters.query) {
    where.push({ OR: [{ id: filters.query }, { merchantOrderId: filters.query }, { customerId: filters.query }] });
  }
  if (filters.amountMin !== undefined || filters.amountMax !== undefined) {
    const currencies = await prisma.currency.findMany({ select: { id: true, exponent: true } });
    where.push({
      OR: currencies.map((currency) => ({
        currencyId: currency.id,
        amount: {
          ...(filters.amountMin !== undefined ? { gte: decimalToMinor(filters.amountMin, currency.exponent, "ceil") ?? 0n } : {}),
          ...(filters.amountMax !== undefined ? { lte: decimalToMinor(filters.amountMax, currency.exponent, "floor") ?? 0n } : {}),
        },
      })),
    });
  }
  return where;
}

/** Rows strictly beyond `cursor` in `direction` (newest first when "older"). */
function beyond(cursor: OrderCursor, direction: Direction): Prisma.IncomingOrderWhereInput {
  return beyondTimeCursor(cursor, "createdAt", direction === "newer");
}

// Order ids are ASCII ("pi_" or "po_" and upper-case Crockford base32), which every
// PostgreSQL collation (C, glibc, ICU) sorts as plain code points do, like this comparison.
const compare = (a: OrderRow, b: OrderRow) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const newestFirst = (a: OrderRow, b: OrderRow) => compare(b, a);

/**
 * Runs the queries with incremental sort off. Orders are inserted in time order, so the planner
 * rates a backward scan of the global created_at index, filtered by store (and status…) and
 * finished by an incremental sort on id, as cheap as the store's own index — and when the
 * filter is rare in this store but common elsewhere it then reads the whole table (measured:
 * 0.7 s on a million orders). Without incremental sort only the indexes on (store_id[,
 * status | type], created_at DESC, id DESC) give the order, and every page is an index range
 * read (0.1 ms). SET LOCAL ends with the transaction.
 */
function withStoreIndexes<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_incremental_sort = off`;
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

function storeQuery(tx: Tx, storeId: number, where: Prisma.IncomingOrderWhereInput[], options: { cursor?: OrderCursor; direction: Direction; take: number }) {
  const sort = options.direction === "older" ? "desc" : "asc";
  return tx.incomingOrder.findMany({
    where: { storeId, AND: options.cursor ? [...where, beyond(options.cursor, options.direction)] : where },
    orderBy: [{ createdAt: sort }, { id: sort }],
    take: options.take,
    select: ORDER_ROW_SELECT,
  });
}

/**
 * Up to `take` orders of these stores matching `filters`, beyond `cursor` in `direction`,
 * sorted newest first for "older" and oldest first for "newer": one page of a list.
 *
 * One indexed query per store, merged here: each walks its store's index from the cursor and
 * stops after `take` rows, so every page costs the same on a million orders. A single query
 * over `store_id IN (…)` could not read an index in (created_at, id) order across stores and
 * would sort all of their matching orders.
 */
export async function fetchOrderBatch(
  storeIds: readonly number[],
  filters: OrderFilters,
  options: { cursor?: OrderCursor; direction: Direction; take: number },
): Promise<OrderRow[]> {
  const where = await filterWhere(filters);
  const perStore = await withStoreIndexes((tx) => Promise.all(storeIds.map((storeId) => storeQuery(tx, storeId, where, options))));
  return perStore
    .flat()
    .sort(options.direction === "older" ? newestFirst : compare)
    .slice(0, options.take);
}

/** One store's matching orders, newest first, read in keyset batches of `batchSize`. */
async function* storeOrders(storeId: number, where: Prisma.IncomingOrderWhereInput[], batchSize: number): AsyncGenerator<OrderRow> {
  let cursor: OrderCursor | undefined;
  for (;;) {
    const batch = await withStoreIndexes((tx) => storeQuery(tx, storeId, where, { cursor, direction: "older", take: batchSize }));
    yield* batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    cursor = { at: last.createdAt, id: last.id };
  }
}

/**
 * Every order of these stores matching `filters`, newest first, as a stream: each store is
 * read in keyset batches and the stores are merged as they go, so each order is read once
 * and at most one batch per store is in memory — an export of a million orders streams.
 */
export async function* streamOrders(storeIds: readonly number[], filters: OrderFilters, batchSize: number): AsyncGenerator<OrderRow> {
  const where = await filterWhere(filters);
  const heads: { stream: AsyncGenerator<OrderRow>; row: OrderRow }[] = [];
  for (const storeId of storeIds) {
    const stream = storeOrders(storeId, where, batchSize);
    const first = await stream.next();
    if (!first.done) heads.push({ stream, row: first.value });
  }
  while (heads.length > 0) {
    // A merchant has a handful of stores: a linear pick of the newest head is cheaper than a heap.
    let newest = 0;
    for (let i = 1; i < heads.length; i++) if (newestFirst(heads[i].row, heads[newest].row) < 0) newest = i;
    const head = heads[newest];
    yield head.row;
    const next = await head.stream.next();
    if (next.done) heads.splice(newest, 1);
    else head.row = next.value;
  }
}
