import "server-only";
import { prisma } from "@/lib/db/client";

/** Another order's receipt with the same bytes (SHA-256) as one of ours. */
export interface SameFileReceipt {
  orderId: string;
  receiptId: number;
}

/**
 * Adds to each receipt the receipts of *other* orders with the same SHA-256: the same
 * screenshot sent for two payments is a sign of fraud (or a mistake) that support should see.
 * Computed when read, from the receipts.sha256 index, so it shows on both orders whichever
 * came first, and a legacy row counts as well as a new one. At most 20 per receipt.
 */
export async function withReceiptDuplicates<R extends { id: number; sha256: string }>(orderId: string, receipts: R[]): Promise<(R & { sameFileAs: SameFileReceipt[] })[]> {
  const hashes = [...new Set(receipts.map((receipt) => receipt.sha256))];
  const others = hashes.length
    ? await prisma.receipt.findMany({
        where: { sha256: { in: hashes }, orderId: { not: orderId } },
        select: { id: true, orderId: true, sha256: true },
        orderBy: { id: "asc" },
        take: 20 * hashes.length,
      })
    : [];
  return receipts.map((receipt) => ({
    ...receipt,
    sameFileAs: others
      .filter((other) => other.sha256 === receipt.sha256)
      .slice(0, 20)
      .map((other) => ({ orderId: other.orderId, receiptId: other.id })),
  }));
}
