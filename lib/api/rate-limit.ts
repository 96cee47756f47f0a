import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { readSettings } from "@/lib/settings/read-settings";

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows counted in PostgreSQL (shared by every app instance), one
 * statement for all of a request's keys. Over a limit → 429 with Retry-After.
 */
export async function enforceRateLimit(keys: { apiKey: string | null; ip: string | null }, now = Date.now()): Promise<void> {
  const settings = await readSettings();
  const windowStart = new Date(now - (now % WINDOW_MS));
  const buckets = [
    ...(keys.apiKey ? [{ key: `key:${keys.apiKey}`, limit: settings["rate_limit.per_api_key_per_minute"] }] : []),
    ...(keys.ip ? [{ key: `ip:${keys.ip.slice(0, 64)}`, limit: settings["rate_limit.per_ip_per_minute"] }] : []),
  ];
  if (!buckets.length) return;
  const rows = await prisma.$queryRawUnsafe<{ key: string; count: number }[]>(
    `INSERT INTO rate_limit_buckets (key, window_start, count)
     SELECT k, $1, 1 FROM unnest($2::text[]) AS k
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
     RETURNING key, count`,
    windowStart,
    buckets.map((b) => b.key),
  );
  for (const row of rows) {
    const bucket = buckets.find((b) => b.key === row.key);
    if (bucket && row.count > bucket.limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
      throw new DomainError("rate_limited", `Too many requests. Retry after ${retryAfter} s.`, { retryAfterSeconds: retryAfter });
    }
  }
}
