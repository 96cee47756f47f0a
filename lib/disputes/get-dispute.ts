import "server-only";
import { prisma } from "@/lib/db/client";
import { assertSupportUser } from "@/lib/auth/assert-support";
import { ORDER_DETAILS } from "@/lib/orders/get-support-order";
import { withReceiptDuplicates } from "@/lib/orders/find-receipt-duplicates";

/**
 * One dispute for its page: who opened it and why, how it was resolved, and the order it is
 * about with its timeline and files — the dispute's evidence apart from the receipts
 * uploaded with the order itself (the customer's or the trader's), each flagged when another
 * order has the same file. Null when unknown.
 */
export async function getDispute(supportUserId: number, disputeId: number) {
  await assertSupportUser(supportUserId);
  const dispute = await prisma.dispute.findUnique({
    where: { id: disputeId },
    include: {
      openedBy: { select: { email: true } },
      resolvedBy: { select: { email: true } },
      order: { include: ORDER_DETAILS },
    },
  });
  if (!dispute) return null;
  // Files another order has too (same SHA-256) are flagged on the dispute as on the order.
  const receipts = await withReceiptDuplicates(dispute.order.id, dispute.order.receipts);
  const evidence = receipts.filter((r) => r.disputeId === dispute.id);
  const orderReceipts = receipts.filter((r) => r.disputeId !== dispute.id);
  return { ...dispute, evidence, orderReceipts };
}

export type DisputeDetails = NonNullable<Awaited<ReturnType<typeof getDispute>>>;
