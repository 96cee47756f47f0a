import "server-only";
import { prisma } from "@/lib/db/client";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { beyondTimeCursor, decodeTimeCursor, encodeTimeCursor } from "@/lib/pagination/keyset";
import { maskRequisiteNumber, readRequisiteDetails } from "@/lib/requisites/requisite-details";

/** A finished order of the trader, JSON-safe. */
export interface HistoryOrder {
  id: string;
  type: OrderType;
  /** How it ended: completed, cancelled, expired or failed. */
  status: OrderStatus;
  amount: string;
  currencyCode: string;
  exponent: number;
  customerId: string;
  endedAt: string;
  /** The trader's reward in micro-USDT, recorded on completion (null when it did not complete). */
  reward: string | null;
  requisite: { bankName: string | null; maskedNumber: string } | null;
}

export interface HistoryPage {
  orders: HistoryOrder[];
  /** Pass back as `cursor` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

const ENDED_STATUSES = ["completed", "cancelled", "expired", "failed"] as const satisfies readonly OrderStatus[];
export const HISTORY_PAGE_SIZE = 20;

/**
 * The trader's finished orders, the most recently ended first, one page at a time (keyset).
 *
 * It walks order_history, not incoming_orders: every order ends with exactly one history row
 * carrying its trader, and order_history has a (trader_id, processed_at) index, so each page
 * is a short backward index range scan starting at the cursor — as fast on page 1000 as on
 * page 1 — while incoming_orders has no index that orders one trader's orders by time.
 */
export async function listTraderHistory(traderId: number, cursorText?: string | null, limit = HISTORY_PAGE_SIZE): Promise<HistoryPage> {
  const cursor = decodeTimeCursor(cursorText, "bigint");
  const rows = await prisma.orderHistory.findMany({
    where: {
      traderId,
      status: { in: [...ENDED_STATUSES] },
      ...(cursor ? beyondTimeCursor(cursor, "processedAt") : {}),
    },
    orderBy: [{ processedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      status: true,
      processedAt: true,
      traderCommissionAmount: true,
      order: {
        select: {
          id: true,
          type: true,
          amount: true,
          customerId: true,
          currency: { select: { code: true, exponent: true } },
          requisite: { select: { details: true, bank: { select: { name: true } } } },
        },
      },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    orders: page.map((row) => ({
      id: row.order.id,
      type: row.order.type,
      status: row.status,
      amount: row.order.amount.toString(),
      currencyCode: row.order.currency.code,
      exponent: row.order.currency.exponent,
      customerId: row.order.customerId,
      endedAt: row.processedAt.toISOString(),
      reward: row.status === "completed" ? (row.traderCommissionAmount?.toString() ?? null) : null,
      requisite: row.order.requisite
        ? { bankName: row.order.requisite.bank?.name ?? null, maskedNumber: maskRequisiteNumber(readRequisiteDetails(row.order.requisite.details).number) }
        : null,
    })),
    nextCursor: rows.length > limit && last ? encodeTimeCursor({ at: last.processedAt, id: last.id }) : null,
  };
}
