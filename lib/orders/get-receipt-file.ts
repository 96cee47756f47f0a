import "server-only";
import { prisma } from "@/lib/db/client";
import { assertSupportUser } from "@/lib/auth/assert-support";

/** A receipt for support, with where its bytes are (lib/files/open-stored-file.ts); null when there is no such receipt. */
export async function getReceiptFile(supportUserId: number, receiptId: number) {
  await assertSupportUser(supportUserId);
  return prisma.receipt.findUnique({ where: { id: receiptId }, select: { fileName: true, contentType: true, sizeBytes: true, data: true, storageDriver: true, storageKey: true } });
}
