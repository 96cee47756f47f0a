import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { createSemaphore } from "@/lib/concurrency/semaphore";

/**
 * Password hashes: new ones are argon2id (@node-rs/argon2 runs on libuv's thread pool, so a
 * burst of sign-ins does not stall the event loop the way pure-JS bcryptjs did). Hashes written
 * before the switch ($2a$/$2b$ bcrypt) still verify; `needsRehash` tells the sign-in to replace
 * them with argon2id once the password is known (lib/auth/authenticate.ts).
 */

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane): ~20-40 ms on a
// server core. Changing these makes older argon2 hashes "need rehash" at their next sign-in.
const ARGON2 = { algorithm: 2 /* Argon2id (a const enum in the typings) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/**
 * At most this many hashes or verifications run at once per process. Each argon2 hash holds
 * 19 MiB and a libuv thread (the pool has 4 by default, shared with fs and dns), so a flood of
 * sign-ins queues here instead of exhausting memory and starving file and DNS work. A constant,
 * not an environment variable: it follows the thread pool size, not the deployment.
 */
export const PASSWORD_HASH_CONCURRENCY = 4;
/** Callers beyond this many waiting are refused at once (SemaphoreFullError): a burst cannot queue without bound. */
export const PASSWORD_HASH_MAX_QUEUE = 256;

/** The slots every hash and verification takes; exported for the tests and the benchmark, which read its `peak`. */
export const passwordHashSlots = createSemaphore("password hashing", PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_MAX_QUEUE);

export function hashPassword(password: string): Promise<string> {
  return passwordHashSlots.run(() => argon2Hash(password, ARGON2));
}

// A real argon2id hash (same parameters) of a random string: comparing against it when the
// email is unknown costs the same time as a real check, so response time does not reveal
// whether the account exists.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$ihm9l1sxnv/Re8Bx3yOc7Q$qM8BqmTmAdbSx4OcxUQCrrJIMcZrtL7ufOHpQMuWCpw";

const isBcrypt = (hash: string) => /^\$2[aby]\$/.test(hash);

/** Whether `password` matches `hash` (argon2id, or a bcrypt hash from before the switch); false for a null hash, after the same work. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const stored = hash ?? DUMMY_HASH;
  const ok = await passwordHashSlots.run(async () => {
    if (isBcrypt(stored)) return bcrypt.compare(password, stored);
    return argon2Verify(stored, password).catch(() => false); // a malformed hash matches nothing
  });
  return hash !== null && ok;
}

/** Whether a stored hash should be replaced by `hashPassword`'s, once the password is known: bcrypt, or argon2 with other parameters. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(ARGON2_PREFIX);
}
