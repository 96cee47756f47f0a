import { createHash } from "node:crypto";

/** Keys and tokens are stored as SHA-256 hex; only the prefix is kept readable. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}

