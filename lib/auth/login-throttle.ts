import "server-only";
import { prisma } from "@/lib/db/client";

/**
 * Slows down password guessing: after FREE_FAILURES failed sign-ins for an email (or from an
 * IP) within WINDOW_MS, further attempts are refused for an exponentially growing period.
 * Counters are kept for unknown emails too, so the response never tells whether one exists.
 */
const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MS = 15 * 60_000;

export function throttleKeys(email: string, ip: string | null): string[] {
  return [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
}

/** Seconds the caller must wait before trying again, or 0. */
export async function lockedForSeconds(keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.loginAttempt.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    // One statement per key: concurrent failures increment atomically.
    await prisma.$executeRaw`
      INSERT INTO login_attempts (key, failures, last_failed_at)
      VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_attempts.last_failed_at < ${new Date(now.getTime() - WINDOW_MS)}
                        THEN 1 ELSE login_attempts.failures + 1 END,
        last_failed_at = ${now}`;
    const row = await prisma.loginAttempt.findUnique({ where: { key } });
    if (row && row.failures > FREE_FAILURES) {
      const lockMs = Math.min(MAX_LOCK_MS, 1000 * 2 ** (row.failures - FREE_FAILURES));
      await prisma.loginAttempt.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + lockMs) } });
    }
  }
}

export async function clearFailures(email: string): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key: `email:${email}` } });
}
