import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";

const ORDER_PAGE_INCLUDE = {
  store: { select: { id: true, name: true, userId: true, callbackUrl: true } },
  currency: { select: { code: true, exponent: true } },
  paymentMethod: { select: { name: true } },
  requisite: { select: { type: true, details: true, bank: { select: { name: true } } } },
  history: {
    orderBy: [{ processedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fromStatus: true,
      status: true,
      actorType: true,
      note: true,
      processedAt: true,
      actor: { select: { id: true, email: true, role: { select: { name: true } } } },
    },
  },
  // Receipts without their bytes: the page lists them, the download route streams one.
  receipts: {
    orderBy: { id: "asc" },
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, uploadedVia: true, createdAt: true },
  },
  disputes: {
    orderBy: { id: "desc" },
    select: { id: true, status: true, openedVia: true, reason: true, resolutionNote: true, createdAt: true, resolvedAt: true },
  },
} satisfies Prisma.IncomingOrderInclude;

type OrderWithPageData = Prisma.IncomingOrderGetPayload<{ include: typeof ORDER_PAGE_INCLUDE }>;

/**
 * Who made a step of the timeline, as the merchant may see it: their own email, or only the
 * role of anyone else (a trader's or support agent's identity is not the merchant's business).
 */
export interface TimelineActor {
  type: string;
  role: string | null;
  ownEmail: string | null;
}

export type MerchantOrder = Omit<OrderWithPageData, "history"> & {
  history: (Omit<OrderWithPageData["history"][number], "actor"> & { actor: TimelineActor })[];
};

export function orderNotFound(orderId: string): DomainError {
  return new DomainError("order_not_found", `No order ${orderId}.`, { param: "id" });
}

/**
 * An order of one of this merchant's stores with everything its page shows: the status
 * timeline (who, when, note), receipts and disputes. Another merchant's order is "not found".
 */
export async function getMerchantOrder(merchantUserId: number, orderId: string): Promise<MerchantOrder> {
  const order = await prisma.incomingOrder.findUnique({ where: { id: orderId }, include: ORDER_PAGE_INCLUDE });
  if (!order || order.store.userId !== merchantUserId) throw orderNotFound(orderId);
  return {
    ...order,
    history: order.history.map(({ actor, ...step }) => ({
      ...step,
      actor: { type: step.actorType, role: actor?.role.name ?? null, ownEmail: actor?.id === merchantUserId ? actor.email : null },
    })),
  };
}

/** The store of a merchant's order (for actions on it); another merchant's order is "not found". */
export async function ownedOrderStoreId(merchantUserId: number, orderId: string): Promise<number> {
  const order = await prisma.incomingOrder.findUnique({ where: { id: orderId }, select: { storeId: true, store: { select: { userId: true } } } });
  if (!order || order.store.userId !== merchantUserId) throw orderNotFound(orderId);
  return order.storeId;
}

/** A receipt of one of this merchant's orders, with where its bytes are (lib/files/open-stored-file.ts). */
export async function getMerchantReceipt(merchantUserId: number, receiptId: number) {
  const receipt = await prisma.receipt.findUnique({
    where: { id: receiptId },
    select: { fileName: true, contentType: true, data: true, storageDriver: true, storageKey: true, order: { select: { store: { select: { userId: true } } } } },
  });
  if (!receipt || receipt.order.store.userId !== merchantUserId) {
    throw new DomainError("receipt_not_found", `No receipt ${receiptId}.`, { param: "id" });
  }
  return { fileName: receipt.fileName, contentType: receipt.contentType, data: receipt.data, storageDriver: receipt.storageDriver, storageKey: receipt.storageKey };
}
