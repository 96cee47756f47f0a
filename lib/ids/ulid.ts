import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32

/**
 * A ULID: 48-bit millisecond time + 80 random bits, 26 base32 characters. Lexicographic order
 * is creation order, so ids double as keyset-pagination cursors.
 */
export function ulid(time = Date.now()): string {
  let out = "";
  let t = BigInt(time);
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[Number(t % 32n)] + out;
    t /= 32n;
  }
  let random = BigInt(`0x${randomBytes(10).toString("hex")}`);
  let tail = "";
  for (let i = 0; i < 16; i++) {
    tail = ALPHABET[Number(random % 32n)] + tail;
    random /= 32n;
  }
  return out + tail;
}

export function orderId(type: "payin" | "payout", time = Date.now()): string {
  return `${type === "payin" ? "pi" : "po"}_${ulid(time)}`;
}

export function webhookMessageId(time = Date.now()): string {
  return `msg_${ulid(time)}`;
}
