import crypto from "node:crypto";

let counter = 0;

/** A short suffix unique within the process and unlikely to collide across processes. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${counter.toString(36)}${crypto.randomBytes(3).toString("hex")}`;
}

/** `prefix-` and a unique suffix, e.g. a customer_id or merchant_order_id no other order has. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${uniqueSuffix()}`;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A random base62 string, e.g. the secret part of an API key. */
export function randomBase62(length: number): string {
  const bytes = crypto.randomBytes(length);
  let out = "";
  for (const byte of bytes) out += BASE62[byte % 62];
  return out;
}
