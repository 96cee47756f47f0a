import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db/client";

/**
 * Slows down password guessing without handing anyone a way to lock a user out.
 *
 * Three counters per sign-in attempt, all in login_attempts (counted for unknown emails too, so
 * a refusal never tells whether an account exists):
 *
 * - (email, IP) — `pair:`: 5 free failures within 15 minutes, then one attempt per
 *   exponentially growing wait (2 s, 4 s, … up to 15 min). Refuses even the right password:
 *   only that address is held back. Attempts are counted *before* the password is checked,
 *   under a transaction-scoped lock of the key, so parallel guesses cannot all slip through:
 *   at most FREE_FAILURES + 1 are ever evaluated before the first wait.
 * - IP across emails — `ip:`: the same numbers, so one address trying many emails slows down.
 * - email across all IPs — `email:`: after 20 failures within an hour the email is "under
 *   attack" (with the same exponential wait, from 2 s up to 15 min): an address that has failed
 *   for that email within the last 15 minutes gets at most one attempt per wait, but an address
 *   with no recent failure for it is still heard, so a stranger's guesses cannot lock the
 *   owner out. Each such address's first wrong guess marks it, so a spread-out guesser gets
 *   one guess per address per 15 minutes.
 *
 * The IP and email counters count failures after the password check, in one
 * `INSERT … ON CONFLICT DO UPDATE` each (the lock decided in the same statement).
 */
export interface ThrottlePolicy {
  /** Failures within the window that are not held back. */
  free: number;
  /** A counter whose last failure is older than this starts again. */
  windowMs: number;
  maxLockMs: number;
}

export const PAIR_POLICY: ThrottlePolicy = { free: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };
export const IP_POLICY: ThrottlePolicy = { free: 5, windowMs: 15 * 60_000, maxLockMs: 15 * 60_000 };
export const EMAIL_POLICY: ThrottlePolicy = { free: 20, windowMs: 60 * 60_000, maxLockMs: 15 * 60_000 };

export interface SignInKeys {
  pair: string;
  ip: string | null;
  email: string;
}

/** The counters of a sign-in attempt (keys fit login_attempts.key's 300 characters: the IP in the pair key is hashed). */
export function signInKeys(email: string, ip: string | null): SignInKeys {
  const ipTag = crypto.createHash("sha256").update(ip ?? "").digest("hex").slice(0, 16);
  return { pair: `pair:${email}|${ipTag}`, ip: ip ? `ip:${ip}` : null, email: `email:${email}` };
}

const lockMs = (failures: number, policy: ThrottlePolicy) => Math.min(policy.maxLockMs, 1000 * 2 ** (failures - policy.free));
const waitSeconds = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Decides whether a sign-in attempt may have its password checked, and if so counts it against
 * its (email, IP) counter before the check (`signInFailed` / `signInSucceeded` settle it after).
 */
export async function admitSignIn(email: string, ip: string | null, now = new Date()): Promise<Admission> {
  const keys = signInKeys(email, ip);
  return prisma.$transaction(
    async (tx) => {
      // Serialises attempts for one (email, IP) until this transaction commits: the count read
      // below is the count every parallel attempt sees in turn.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${keys.pair}, 0))`;
      const rows = await tx.loginAttempt.findMany({ where: { key: { in: [keys.pair, keys.email, ...(keys.ip ? [keys.ip] : [])] } } });
      const state = (key: string | null, policy: ThrottlePolicy) => {
        const row = rows.find((r) => r.key === key);
        if (!row || row.lastFailedAt.getTime() < now.getTime() - policy.windowMs) return { failures: 0, lockedUntil: null, hadLock: false };
        const locked = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
        return { failures: row.failures, lockedUntil: locked, hadLock: row.lockedUntil !== null };
      };
      const pair = state(keys.pair, PAIR_POLICY);
      const ipState = state(keys.ip, IP_POLICY);
      const emailState = state(keys.email, EMAIL_POLICY);

      const locks = [pair.lockedUntil, ipState.lockedUntil, pair.failures > 0 ? emailState.lockedUntil : null].filter((d): d is Date => d !== null);
      if (locks.length > 0) return { admitted: false, retryAfterSeconds: waitSeconds(new Date(Math.max(...locks.map((d) => d.getTime()))), now) };

      const failures = pair.failures + 1;
      const beyondFree = failures > PAIR_POLICY.free + 1;
      // Beyond the free attempts, only an expired wait lets one more through; attempts still in
      // flight (counted, not yet failed) hold the rest back for a moment.
      if (beyondFree && !pair.hadLock) return { admitted: false, retryAfterSeconds: 1 };
      const lockedUntil = beyondFree ? new Date(now.getTime() + lockMs(failures, PAIR_POLICY)) : null;
      await tx.loginAttempt.upsert({
        where: { key: keys.pair },
        create: { key: keys.pair, failures, lastFailedAt: now, lockedUntil },
        update: { failures, lastFailedAt: now, lockedUntil },
      });
      return { admitted: true };
    },
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** A checked attempt failed: the (email, IP) counter (already counted) starts its wait; the IP and email counters count it. */
export async function signInFailed(email: string, ip: string | null, now = new Date()): Promise<void> {
  const keys = signInKeys(email, ip);
  const pairLock = `${PAIR_POLICY.maxLockMs}`;
  await prisma.$executeRaw`
    UPDATE login_attempts
       SET locked_until = GREATEST(COALESCE(locked_until, ${now}::timestamptz),
                                   ${now}::timestamptz + LEAST(${pairLock}::bigint, 1000 * power(2, failures - ${PAIR_POLICY.free})) * interval '1 millisecond')
     WHERE key = ${keys.pair} AND failures > ${PAIR_POLICY.free}`;
  await Promise.all([countFailure(keys.email, EMAIL_POLICY, now), ...(keys.ip ? [countFailure(keys.ip, IP_POLICY, now)] : [])]);
}

/**
 * A checked attempt that was neither right nor wrong: the password was right but the account
 * needs its second factor and none was sent (the form then asks for the code). The (email, IP)
 * attempt counted on admission is taken back, and nothing is forgotten: a wrong code later is a
 * failure like a wrong password, and alternating "no code" with guesses gains nothing.
 */
export async function signInIncomplete(email: string, ip: string | null): Promise<void> {
  await prisma.$executeRaw`UPDATE login_attempts SET failures = GREATEST(failures - 1, 0) WHERE key = ${signInKeys(email, ip).pair}`;
}

/** A checked attempt succeeded: its (email, IP) counter is forgotten; the IP and email counters never counted it. */
export async function signInSucceeded(email: string, ip: string | null): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key: signInKeys(email, ip).pair } });
}

/**
 * Counts one failure for `key` in a single statement (concurrent failures each count) and, past
 * `policy.free` within the window, locks the key for an exponentially growing time.
 */
async function countFailure(key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  await prisma.$executeRaw`
    INSERT INTO login_attempts AS a (key, failures, last_failed_at)
    VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN a.last_failed_at < ${windowStart} THEN 1 ELSE a.failures + 1 END,
      last_failed_at = ${now},
      locked_until = CASE
        WHEN a.last_failed_at >= ${windowStart} AND a.failures + 1 > ${policy.free}
        THEN GREATEST(COALESCE(a.locked_until, ${now}::timestamptz),
                      ${now}::timestamptz + LEAST(${`${policy.maxLockMs}`}::bigint, 1000 * power(2, a.failures + 1 - ${policy.free})) * interval '1 millisecond')
        ELSE NULL END`;
}

/** Seconds the caller must wait before trying again on any of `keys`, or 0 (the reset form's keys). */
export async function lockedForSeconds(keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.loginAttempt.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts a failure on each key with the (email, IP) policy's numbers (the reset form's keys). */
export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) await countFailure(key, PAIR_POLICY, now);
}

/** Forgets an email's sign-in failures (after a password reset: the owner has proven themself). */
export async function clearFailures(email: string): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { OR: [{ key: `email:${email}` }, { key: { startsWith: `pair:${email}|` } }] } });
}
