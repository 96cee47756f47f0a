import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { readSettings } from "@/lib/settings/read-settings";

const WINDOW_MS = 60_000;
/** Leases of windows that have ended are dropped once this many buckets are held. */
const MAX_HELD_LEASES = 10_000;

/**
 * How many requests one statement leases for this process: a thousandth of the limit, 1 to 100.
 * Up to 1,999 a minute every request is counted in the database as it comes; above, a process
 * can hold at most a thousandth of the limit unused, so all instances together admit at most
 * the limit, and refuse early by at most a thousandth per instance.
 */
export const leaseSize = (limit: number) => Math.min(100, Math.max(1, Math.floor(limit / 1000)));

interface Lease {
  windowStart: number;
  left: number;
}
// On globalThis: every Next.js route bundle must spend the process's leases, not lease its own.
const leases: Map<string, Lease> = ((globalThis as { jivapayRateLeases?: Map<string, Lease> }).jivapayRateLeases ??= new Map());

/**
 * Fixed one-minute windows counted in PostgreSQL (shared by every app instance). A process
 * takes requests from a bucket in leases (see leaseSize) and spends them locally, so at high
 * limits most requests cost no statement and no shared row lock; all of a request's buckets
 * that need a new lease get it in one statement. Over a limit → 429 with Retry-After.
 */
export async function enforceRateLimit(keys: { apiKey: string | null; ip: string | null }, now = Date.now()): Promise<void> {
  const settings = await readSettings();
  const windowStart = now - (now % WINDOW_MS);
  const buckets = [
    ...(keys.apiKey ? [{ key: `key:${keys.apiKey}`, limit: settings["rate_limit.per_api_key_per_minute"] }] : []),
    ...(keys.ip ? [{ key: `ip:${keys.ip.slice(0, 64)}`, limit: settings["rate_limit.per_ip_per_minute"] }] : []),
  ];
  if (!buckets.length) return;

  const spent = (key: string) => {
    const lease = leases.get(key);
    return !lease || lease.windowStart !== windowStart || lease.left <= 0;
  };
  // Lease what is spent; while this request waited for the database, concurrent ones may have
  // used up another of its buckets' leases, so look again (a bucket the database has nothing
  // left in stays spent: that is the 429).
  const exhausted = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const toLease = buckets.filter((bucket) => !exhausted.has(bucket.key) && spent(bucket.key));
    if (!toLease.length) break;
    const rows = await prisma.$queryRawUnsafe<{ key: string; count: number }[]>(
      `INSERT INTO rate_limit_buckets (key, window_start, count)
       SELECT k, $1, n FROM unnest($2::text[], $3::int[]) AS t(k, n)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + EXCLUDED.count
       RETURNING key, count`,
      new Date(windowStart),
      toLease.map((bucket) => bucket.key),
      toLease.map((bucket) => leaseSize(bucket.limit)),
    );
    if (leases.size > MAX_HELD_LEASES) for (const [key, lease] of leases) if (lease.windowStart !== windowStart) leases.delete(key);
    for (const row of rows) {
      const bucket = toLease.find((b) => b.key === row.key)!;
      const size = leaseSize(bucket.limit);
      // What the window had left before this lease, up to the lease's size.
      const left = Math.max(0, Math.min(size, bucket.limit - (row.count - size)));
      leases.set(row.key, { windowStart, left });
      if (left === 0) exhausted.add(row.key);
    }
  }

  let limited = false;
  for (const bucket of buckets) {
    const lease = leases.get(bucket.key);
    if (lease && lease.windowStart === windowStart && lease.left > 0) lease.left -= 1;
    else limited = true;
  }
  if (limited) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
    throw new DomainError("rate_limited", `Too many requests. Retry after ${retryAfter} s.`, { retryAfterSeconds: retryAfter });
  }
}
