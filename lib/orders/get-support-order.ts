import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listOrderCallbacks } from "@/lib/callbacks/list-order-callbacks";
import { assertSupportUser } from "@/lib/auth/assert-support";
import { withReceiptDuplicates, type SameFileReceipt } from "./find-receipt-duplicates";

/** Receipt columns the pages show; the bytes are served only by the receipt route. */
export const RECEIPT_META = {
  id: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  uploadedVia: true,
  disputeId: true,
  createdAt: true,
  sha256: true,
} satisfies Prisma.ReceiptSelect;

/**
 * What support sees of an order wherever it is shown: its store, currency, trader and
 * requisite, the timeline (order_history oldest first, with who acted) and its files (without
 * their bytes).
 */
export const ORDER_DETAILS = {
  store: { select: { id: true, name: true } },
  currency: { select: { code: true, exponent: true } },
  trader: { select: { id: true, user: { select: { email: true, name: true } } } },
  requisite: { select: { type: true, details: true, bank: { select: { name: true } } } },
  history: {
    orderBy: [{ processedAt: "asc" }, { id: "asc" }],
    select: { id: true, fromStatus: true, status: true, actorType: true, note: true, processedAt: true, actor: { select: { email: true } } },
  },
  receipts: { orderBy: { id: "asc" }, select: RECEIPT_META },
} satisfies Prisma.IncomingOrderInclude;

export type OrderWithDetails = Prisma.IncomingOrderGetPayload<{ include: typeof ORDER_DETAILS }>;
export type OrderTimelineEntry = OrderWithDetails["history"][number];
/** A receipt as support sees it: with the other orders' receipts of the same file, if any. */
export type ReceiptMeta = OrderWithDetails["receipts"][number] & { sameFileAs?: SameFileReceipt[] };

/**
 * One order of any store for support: its details, disputes and the merchant callbacks with
 * their attempts. Null when there is no such order.
 */
export async function getSupportOrder(supportUserId: number, orderId: string) {
  await assertSupportUser(supportUserId);
  const order = await prisma.incomingOrder.findUnique({
    where: { id: orderId },
    include: { ...ORDER_DETAILS, disputes: { orderBy: { id: "desc" }, select: { id: true, status: true, openedVia: true, createdAt: true } } },
  });
  if (!order) return null;
  const [callbacks, receipts] = await Promise.all([listOrderCallbacks(order.storeId, order.id), withReceiptDuplicates(order.id, order.receipts)]);
  return { ...order, receipts, callbacks };
}
