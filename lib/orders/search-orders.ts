import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { OrderStatus } from "@/lib/generated/prisma/enums";
import { assertSupportUser } from "@/lib/auth/assert-support";

export const SUPPORT_ORDERS_PAGE = 25;

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The search form's query string. Each field is optional and a malformed one is ignored (a
 * hand-edited URL shows an unfiltered list instead of an error page).
 */
export const supportOrderSearchSchema = z.object({
  q: z.string().trim().max(128).optional().catch(undefined).transform((q) => q || undefined),
  store: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  status: z.enum(OrderStatus).optional().catch(undefined),
  after: z.string().regex(ORDER_ID).optional().catch(undefined),
});

export interface SupportOrderSearch {
  /** Our order id, or a merchant order id or customer id (exact match). */
  q?: string;
  store?: number;
  status?: OrderStatus;
  /** The last order id of the previous page. */
  after?: string;
}

export interface SupportOrderRow {
  id: string;
  type: "payin" | "payout";
  storeName: string;
  merchantOrderId: string;
  customerId: string;
  /** Minor units of `currencyCode`. */
  amount: bigint;
  currencyCode: string;
  exponent: number;
  status: OrderStatus;
  createdAt: Date;
}

export interface SupportOrderPage {
  orders: SupportOrderRow[];
  /** The `after` value of the next page, or null on the last one. */
  nextAfter: string | null;
}

interface Row {
  id: string;
  type: "payin" | "payout";
  store_name: string;
  merchant_order_id: string;
  customer_id: string;
  amount: bigint;
  currency_code: string;
  exponent: number;
  status: OrderStatus;
  created_at: Date;
}

/**
 * Orders across every store, newest first, for support: `q` is our order id, or a merchant
 * order id or customer id (exact), optionally narrowed to a store and a status; keyset pages of
 * SUPPORT_ORDERS_PAGE after the order `after`.
 *
 * Every index on orders starts with store_id, so the query walks the stores and takes each
 * one's newest matching orders through its own index — (store_id, created_at, id),
 * (store_id, status, created_at, id), (store_id, merchant_order_id) or
 * (store_id, customer_id, created_at) — then merges those short lists. The cost grows with the
 * number of stores and the page size, never with the number of orders.
 */
export async function searchSupportOrders(supportUserId: number, search: SupportOrderSearch): Promise<SupportOrderPage> {
  await assertSupportUser(supportUserId);
  const limit = SUPPORT_ORDERS_PAGE;
  const cursor = search.after
    ? await prisma.incomingOrder.findUnique({ where: { id: search.after }, select: { id: true, createdAt: true } })
    : null;
  if (search.after && !cursor) return { orders: [], nextAfter: null };

  const conditions: Prisma.Sql[] = [];
  if (search.status) conditions.push(Prisma.sql`o.status = ${search.status}::order_status`);
  if (search.q && ORDER_ID.test(search.q)) conditions.push(Prisma.sql`o.id = ${search.q}`);
  else if (search.q) conditions.push(Prisma.sql`(o.merchant_order_id = ${search.q} OR o.customer_id = ${search.q})`);
  if (cursor) conditions.push(Prisma.sql`(o.created_at, o.id) < (${cursor.createdAt}, ${cursor.id})`);
  const filter = conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const stores = search.store ? Prisma.sql`WHERE s.id = ${search.store}` : Prisma.empty;

  const rows = await prisma.$queryRaw<Row[]>`
    SELECT o.id, o.type, s.name AS store_name, o.merchant_order_id, o.customer_id, o.amount,
           c.code AS currency_code, c.exponent::int AS exponent, o.status, o.created_at
    FROM merchant_store s
    CROSS JOIN LATERAL (
      SELECT o.* FROM incoming_orders o
      WHERE o.store_id = s.id ${filter}
      ORDER BY o.created_at DESC, o.id DESC
      LIMIT ${limit + 1}
    ) o
    JOIN currencies c ON c.id = o.currency_id
    ${stores}
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT ${limit + 1}`;

  const page = rows.slice(0, limit).map((r) => ({
    id: r.id,
    type: r.type,
    storeName: r.store_name,
    merchantOrderId: r.merchant_order_id,
    customerId: r.customer_id,
    amount: r.amount,
    currencyCode: r.currency_code,
    exponent: r.exponent,
    status: r.status,
    createdAt: r.created_at,
  }));
  return { orders: page, nextAfter: rows.length > limit ? page[page.length - 1].id : null };
}

/** The stores for the search form's filter, by name. */
export async function listStoresForSearch(supportUserId: number) {
  await assertSupportUser(supportUserId);
  return prisma.merchantStore.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}
