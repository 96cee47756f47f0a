import { randomBytes } from "node:crypto";

/**
 * The token of a pay-in's hosted payment page (/pay/{token}): 256 random bits, base64url (43
 * characters). The token alone opens the page and lets its holder say "I have paid", so it is
 * unguessable rather than derived from the order id, which merchants and traders see.
 */
export function newPaymentToken(): string {
  return randomBytes(32).toString("base64url");
}
