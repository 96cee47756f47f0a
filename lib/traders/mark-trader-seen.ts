import "server-only";
import { prisma } from "@/lib/db/client";

/** last_seen_at is a presence signal for the teamlead ("online"), so minute precision is plenty. */
export const SEEN_PRECISION_MS = 60_000;

/**
 * Records that the trader has their queue open. Called on every poll, it writes at most once a
 * minute: the conditional UPDATE matches no row in between, so a poll costs one primary-key
 * lookup and no write, and it holds across any number of app instances.
 */
export async function markTraderSeen(traderId: number, now = new Date()): Promise<boolean> {
  const { count } = await prisma.trader.updateMany({
    where: { id: traderId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - SEEN_PRECISION_MS) } }] },
    data: { lastSeenAt: now },
  });
  return count > 0;
}
