import crypto from "node:crypto";

/** Crockford base32, the ULID alphabet: ASCII order equals numeric order, so ids sort by time. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10; // 48-bit millisecond timestamp
const RANDOM_BYTES = 10; // 80 random bits → 16 characters
const MAX_TIME = 2 ** 48 - 1;

export type OrderKind = "payin" | "payout";
export const ORDER_ID_PREFIX = { payin: "pi_", payout: "po_" } as const;

/** Creation-ordered ids: Crockford base32 ULIDs (48-bit ms time + 80 random bits). */

/**
 * `pi_` / `po_` followed by a 26-character ULID made from `date`: ids sort by creation time,
 * which the order tables' (store_id, id DESC) indexes rely on. `randomBytes` makes the id
 * reproducible (the seed passes a seeded generator).
 */
export function newOrderId(
  kind: OrderKind,
  date: Date = new Date(),
  randomBytes: (size: number) => Uint8Array = crypto.randomBytes,
): string {
  const time = date.getTime();
  if (!Number.isInteger(time) || time < 0 || time > MAX_TIME) throw new RangeError(`Cannot encode time ${time} in an order id`);
  return ORDER_ID_PREFIX[kind] + encodeTime(time) + encodeRandom(randomBytes(RANDOM_BYTES));
}

function encodeTime(time: number): string {
  let out = "";
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  if (bytes.length !== RANDOM_BYTES) throw new RangeError(`Expected ${RANDOM_BYTES} random bytes, got ${bytes.length}`);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/** The creation time encoded in an order id. */
export function orderIdTime(id: string): Date {
  const body = id.slice(3, 3 + TIME_CHARS);
  let time = 0;
  for (const char of body) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new RangeError(`Not an order id: ${id}`);
    time = time * 32 + digit;
  }
  return new Date(time);
}

/** A Standard Webhooks message id (msg_ + ULID); receivers de-duplicate on it. */
export function webhookMessageId(date: Date = new Date()): string {
  return "msg_" + encodeTime(date.getTime()) + encodeRandom(crypto.randomBytes(RANDOM_BYTES));
}
