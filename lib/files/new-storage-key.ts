import { randomBytes } from "node:crypto";

/** Keys are 192 random bits under a two-character folder: unguessable, never from a file name. */
export const STORAGE_KEY_PATTERN = /^receipts\/[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-]{32}$/;

/** A fresh storage key, e.g. `receipts/q3/q3Vx…` (the folder keeps directories small on the fs driver). */
export function newStorageKey(): string {
  const id = randomBytes(24).toString("base64url");
  return `receipts/${id.slice(0, 2)}/${id}`;
}
