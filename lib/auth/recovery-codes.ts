import { createHash, randomInt } from "node:crypto";

/**
 * Two-factor recovery codes: 10 per enrolment, shown once, stored as SHA-256 only. Each is
 * 12 characters from a 31-character alphabet without look-alikes (59 bits of entropy), so a plain
 * hash is enough: nobody brute-forces 2^59 through a throttled sign-in, and a leaked table of
 * hashes cannot be reversed. Shown as xxxx-xxxx-xxxx; typed with or without dashes, any case.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
const LENGTH = 12;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

/** A typed code as stored: lower case, without dashes and spaces; null when it cannot be one. */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]+/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}
