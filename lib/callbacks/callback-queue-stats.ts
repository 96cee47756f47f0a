import "server-only";
import { prisma } from "@/lib/db/client";

export interface CallbackQueueStats {
  /** Callbacks due for delivery now: unfinished (pending, or delivering) and next attempt in the past. */
  due: number;
  /** How long the oldest of them has been due, in seconds (0 when none is). */
  oldestDueSeconds: number;
}

/**
 * How far behind callback delivery is, for the metrics scrape: one indexed read of the outbox.
 * A healthy sweep keeps both numbers near zero; a growing age means deliveries are stuck.
 */
export async function callbackQueueStats(now: Date = new Date()): Promise<CallbackQueueStats> {
  const [row] = await prisma.$queryRaw<{ due: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS due, min(next_attempt_at) AS oldest
    FROM callback_deliveries
    WHERE status IN ('pending', 'delivering') AND next_attempt_at <= ${now}::timestamptz`;
  const oldest = row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0;
  return { due: Number(row?.due ?? 0), oldestDueSeconds: oldest };
}
