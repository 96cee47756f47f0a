import "server-only";
import { prisma } from "@/lib/db/client";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { ORDER_DETAILS } from "@/lib/orders/get-support-order";
import { withReceiptDuplicates } from "@/lib/orders/find-receipt-duplicates";

/**
 * One order of any store as an admin sees it to force it when it is stuck: the details support
 * sees (store, trader, requisite, timeline, receipts' names) and its disputes. Null when there is
 * no such order; anyone but an active admin is refused.
 */
export async function getAdminOrder(adminUserId: number, orderId: string) {
  await assertAdmin(prisma, { userId: adminUserId });
  const order = await prisma.incomingOrder.findUnique({
    where: { id: orderId },
    include: { ...ORDER_DETAILS, disputes: { orderBy: { id: "desc" }, select: { id: true, status: true, openedVia: true, createdAt: true } } },
  });
  return order && { ...order, receipts: await withReceiptDuplicates(order.id, order.receipts) };
}
