import "server-only";
import { prisma } from "@/lib/db/client";
import { SEEN_PRECISION_MS } from "./mark-trader-seen";

/**
 * Records that these traders still have their queue open (the server holds their event
 * streams): one statement for all of them, whatever their number, writing only the rows last
 * marked more than SEEN_PRECISION_MS ago. Returns how many rows it wrote.
 */
export async function markTradersSeen(traderIds: readonly number[], now = new Date()): Promise<number> {
  if (traderIds.length === 0) return 0;
  const { count } = await prisma.trader.updateMany({
    where: { id: { in: [...traderIds] }, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - SEEN_PRECISION_MS) } }] },
    data: { lastSeenAt: now },
  });
  return count;
}
