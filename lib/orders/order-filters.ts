import { z } from "zod";
import { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { decodeTimeCursor } from "@/lib/pagination/keyset";
import type { OrderCursor } from "./order-keyset";

/** The orders list's filters as they stand in the URL (shareable; the back button restores them). */
export const ORDER_FILTER_PARAMS = ["q", "status", "type", "store", "from", "to", "min", "max"] as const;
export type OrderFilterParam = (typeof ORDER_FILTER_PARAMS)[number];

export interface OrderFilters {
  status?: OrderStatus;
  type?: OrderType;
  storeId?: number;
  /** Created at or after (the start of the `from` UTC day). */
  createdFrom?: Date;
  /** Created before (the end of the `to` UTC day). */
  createdBefore?: Date;
  /** Bounds of the order amount as canonical decimals ("1500.5"), in each order's own currency. */
  amountMin?: string;
  amountMax?: string;
  /** Exact match on our order id, the merchant's order id or the customer id. */
  query?: string;
}

export interface OrdersPageQuery {
  filters: OrderFilters;
  /** Older than this position (the next page), or newer than it (the previous page). */
  after?: OrderCursor;
  before?: OrderCursor;
  /** Filter params present but not understood; the page says so instead of silently ignoring them. */
  invalid: OrderFilterParam[];
}

const DAY_MS = 24 * 3600 * 1000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).transform((text, ctx) => {
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    ctx.addIssue({ code: "custom", message: "not a date" });
    return z.NEVER;
  }
  return date;
});
const decimal = z.string().regex(/^\d{1,24}(\.\d{1,12})?$/);

const PARSERS = {
  q: z.string().trim().min(1).max(128),
  status: z.enum(OrderStatus),
  type: z.enum(OrderType),
  store: z.coerce.number().int().positive().max(2_147_483_647),
  from: day,
  to: day,
  min: decimal,
  max: decimal,
} satisfies Record<OrderFilterParam, z.ZodType>;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text;
}

/** The filters and page position in a URL's search params (a page's searchParams or a route's URL). */
export function parseOrdersQuery(params: Params): OrdersPageQuery {
  const invalid: OrderFilterParam[] = [];
  const value = <P extends OrderFilterParam>(name: P): z.output<(typeof PARSERS)[P]> | undefined => {
    const text = read(params, name);
    if (text === undefined) return undefined;
    const parsed = PARSERS[name].safeParse(text);
    if (!parsed.success) invalid.push(name);
    return parsed.success ? (parsed.data as z.output<(typeof PARSERS)[P]>) : undefined;
  };
  const to = value("to");
  const filters: OrderFilters = {
    query: value("q"),
    status: value("status"),
    type: value("type"),
    storeId: value("store"),
    createdFrom: value("from"),
    createdBefore: to ? new Date(to.getTime() + DAY_MS) : undefined,
    amountMin: value("min"),
    amountMax: value("max"),
  };
  const cursor = (name: "after" | "before") => {
    const text = read(params, name);
    return text === undefined ? undefined : (decodeTimeCursor(text, "order") ?? undefined);
  };
  const after = cursor("after");
  return { filters: dropUndefined(filters), invalid, ...(after ? { after } : { before: cursor("before") }) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The URL search string of these filters (without the page position), for links and exports. */
export function ordersFilterSearch(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of ORDER_FILTER_PARAMS) {
    const text = read(params, name);
    if (text !== undefined) search.set(name, text);
  }
  return search;
}
