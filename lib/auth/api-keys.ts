import { createHash } from "node:crypto";

/** Keys and tokens are stored as SHA-256 hex; only the prefix is kept readable. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}


/** Keys of sandbox stores start so (lib/stores/store-api-keys.ts); every other key is a live one. */
export const SANDBOX_KEY_PREFIX = "jp_sandbox_";

/** Whether a key (or its stored prefix, which is longer than SANDBOX_KEY_PREFIX) is a sandbox key. */
export function isSandboxApiKey(keyOrPrefix: string): boolean {
  return keyOrPrefix.startsWith(SANDBOX_KEY_PREFIX);
}
