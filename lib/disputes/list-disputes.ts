import "server-only";
import { prisma } from "@/lib/db/client";
import { beyondTimeCursor } from "@/lib/pagination/keyset";
import type { DisputeStatus, OrderStatus } from "@/lib/generated/prisma/enums";
import { assertSupportUser } from "@/lib/auth/assert-support";

export const DISPUTES_PAGE = 25;

export interface DisputeQueueRow {
  id: number;
  status: DisputeStatus;
  openedVia: string;
  reason: string;
  createdAt: Date;
  resolvedAt: Date | null;
  evidenceCount: number;
  order: {
    id: string;
    type: "payin" | "payout";
    status: OrderStatus;
    amount: bigint;
    currencyCode: string;
    exponent: number;
    storeName: string;
    merchantOrderId: string;
  };
}

/**
 * One tab of the disputes queue, by keyset on (created_at, id) through the (status,
 * created_at) index: open disputes oldest first (the longest-waiting customer comes first),
 * resolved ones newest first. `after` is the last dispute id of the previous page.
 */
export async function listDisputes(
  supportUserId: number,
  query: { status: DisputeStatus; after?: number },
): Promise<{ disputes: DisputeQueueRow[]; nextAfter: number | null }> {
  await assertSupportUser(supportUserId);
  const oldestFirst = query.status === "open";
  const cursor = query.after ? await prisma.dispute.findUnique({ where: { id: query.after }, select: { id: true, createdAt: true } }) : null;
  if (query.after && !cursor) return { disputes: [], nextAfter: null };
  const direction = oldestFirst ? "asc" : "desc";
  const rows = await prisma.dispute.findMany({
    where: {
      status: query.status,
      // A sandbox order's dispute is the simulator's scenario (amount …02), not support's work.
      order: { store: { isSandbox: false } },
      ...(cursor ? beyondTimeCursor({ at: cursor.createdAt, id: cursor.id }, "createdAt", oldestFirst) : {}),
    },
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: DISPUTES_PAGE + 1,
    include: {
      _count: { select: { receipts: true } },
      order: {
        select: {
          id: true,
          type: true,
          status: true,
          amount: true,
          merchantOrderId: true,
          currency: { select: { code: true, exponent: true } },
          store: { select: { name: true } },
        },
      },
    },
  });
  const disputes = rows.slice(0, DISPUTES_PAGE).map((d) => ({
    id: d.id,
    status: d.status,
    openedVia: d.openedVia,
    reason: d.reason,
    createdAt: d.createdAt,
    resolvedAt: d.resolvedAt,
    evidenceCount: d._count.receipts,
    order: {
      id: d.order.id,
      type: d.order.type,
      status: d.order.status,
      amount: d.order.amount,
      currencyCode: d.order.currency.code,
      exponent: d.order.currency.exponent,
      storeName: d.order.store.name,
      merchantOrderId: d.order.merchantOrderId,
    },
  }));
  return { disputes, nextAfter: rows.length > DISPUTES_PAGE ? disputes[disputes.length - 1].id : null };
}

/** How many disputes wait for support (the queue's badge), sandbox stores' left out. */
export async function countOpenDisputes(supportUserId: number): Promise<number> {
  await assertSupportUser(supportUserId);
  return prisma.dispute.count({ where: { status: "open", order: { store: { isSandbox: false } } } });
}
