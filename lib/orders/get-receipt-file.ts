import "server-only";
import { prisma } from "@/lib/db/client";
import { assertSupportUser } from "@/lib/auth/assert-support";

/** A receipt's bytes for support to view or download; null when there is no such receipt. */
export async function getReceiptFile(supportUserId: number, receiptId: number) {
  await assertSupportUser(supportUserId);
  return prisma.receipt.findUnique({ where: { id: receiptId }, select: { fileName: true, contentType: true, data: true } });
}
