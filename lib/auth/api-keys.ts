import { createHash, randomBytes } from "node:crypto";

/** Keys and tokens are stored as SHA-256 hex; only the prefix is kept readable. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}

/** A new secret: `jp_live_…` for merchant API keys, `jp_trader_…` for trader tokens. */
export function generateSecret(kind: "merchant_key" | "trader_token"): string {
  return `${kind === "merchant_key" ? "jp_live_" : "jp_trader_"}${randomBytes(24).toString("base64url")}`;
}
