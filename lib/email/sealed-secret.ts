// No "server-only" here: the e2e helpers unseal links with it too (given the run's secret).
// A relative import: Playwright loads this file outside the app's path aliases.
import { seal, unseal, type SealPurpose } from "../crypto/sealed";

/** What the outbox's html and text show instead of the credential an email carries. */
export const REDACTED = "[redacted]";

// The outbox's own key (lib/crypto/sealed.ts): values sealed before the move still open.
const OUTBOX: SealPurpose = { salt: "jivapay.email-outbox", info: "sealed-secret.v1" };

/**
 * Seals `secret` with AES-256-GCM under a key derived (HKDF-SHA256) from NEXTAUTH_SECRET, bound
 * to the recipient `to` (the sealed value opens only on a row for the same address). Returns
 * "v1:" + base64url(iv | tag | ciphertext).
 */
export function sealSecret(secret: string, to: string, authSecret?: string): string {
  return seal(secret, OUTBOX, to, authSecret);
}

/** The secret sealed by `sealSecret` for `to`; throws when it was sealed under another key or address, or altered. */
export function unsealSecret(sealed: string, to: string, authSecret?: string): string {
  return unseal(sealed, OUTBOX, to, authSecret);
}

/** `body` with the credential replaced by REDACTED everywhere. */
export function redact(body: string, secret: string): string {
  return body.split(secret).join(REDACTED);
}

/** The stored (redacted) `body` with the credential put back, for the email that goes out. */
export function unredact(body: string, secret: string): string {
  return body.split(REDACTED).join(secret);
}

/**
 * An outbox row's stored body as the recipient gets it, live link included: for the sender's
 * development console, the development-only outbox view and tests. Never for a page in production.
 */
export function liveBody(body: string, email: { to: string; sealedSecret: string | null }, authSecret?: string): string {
  return email.sealedSecret ? unredact(body, unsealSecret(email.sealedSecret, email.to, authSecret)) : body;
}
