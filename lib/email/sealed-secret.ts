// No "server-only" here: the e2e helpers unseal links with it too (given the run's secret).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** What the outbox's html and text show instead of the credential an email carries. */
export const REDACTED = "[redacted]";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Outside production, without NEXTAUTH_SECRET (unit tests, a bare `next dev`), a fixed key. */
const DEVELOPMENT_SECRET = "jivapay-development-only-outbox-key";

function outboxKey(secret = process.env.NEXTAUTH_SECRET): Buffer {
  if (!secret) {
    if (process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is not set: emails with links cannot be sealed.");
    secret = DEVELOPMENT_SECRET;
  }
  return Buffer.from(hkdfSync("sha256", secret, "jivapay.email-outbox", "sealed-secret.v1", 32));
}

/**
 * Seals `secret` with AES-256-GCM under a key derived (HKDF-SHA256) from NEXTAUTH_SECRET, bound
 * to the recipient `to` (the sealed value opens only on a row for the same address). Returns
 * "v1:" + base64url(iv | tag | ciphertext).
 */
export function sealSecret(secret: string, to: string, authSecret?: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", outboxKey(authSecret), iv);
  cipher.setAAD(Buffer.from(to, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

/** The secret sealed by `sealSecret` for `to`; throws when it was sealed under another key or address, or altered. */
export function unsealSecret(sealed: string, to: string, authSecret?: string): string {
  const [version, payload] = sealed.split(":", 2);
  if (version !== VERSION || !payload) throw new Error("Unknown sealed secret format.");
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Sealed secret too short.");
  const decipher = createDecipheriv("aes-256-gcm", outboxKey(authSecret), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(to, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
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
