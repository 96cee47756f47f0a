// No "server-only" here: the e2e helpers unseal email links with it too (given the run's secret).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets kept at rest under a key only the app holds: AES-256-GCM under a key derived
 * (HKDF-SHA256) from NEXTAUTH_SECRET for one purpose, bound to a context (the AAD: a sealed
 * value opens only for the same context, e.g. the same email address or user). Shared by the
 * mail outbox's links (lib/email/sealed-secret.ts) and the TOTP secrets (lib/auth/two-factor).
 * Format: "v1:" + base64url(iv | tag | ciphertext).
 */
export interface SealPurpose {
  /** HKDF salt and info: a different pair gives an unrelated key, so one purpose's values never open as another's. */
  salt: string;
  info: string;
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Outside production, without NEXTAUTH_SECRET (unit tests, a bare `next dev`), a fixed key. */
const DEVELOPMENT_SECRET = "jivapay-development-only-outbox-key";

function keyFor(purpose: SealPurpose, secret = process.env.NEXTAUTH_SECRET): Buffer {
  if (!secret) {
    if (process.env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is not set: secrets cannot be sealed.");
    secret = DEVELOPMENT_SECRET;
  }
  return Buffer.from(hkdfSync("sha256", secret, purpose.salt, purpose.info, 32));
}

export function seal(plaintext: string, purpose: SealPurpose, context: string, authSecret?: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, authSecret), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

/** What `seal` sealed for `purpose` and `context`; throws when sealed under another key or context, or altered. */
export function unseal(sealed: string, purpose: SealPurpose, context: string, authSecret?: string): string {
  const [version, payload] = sealed.split(":", 2);
  if (version !== VERSION || !payload) throw new Error("Unknown sealed secret format.");
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Sealed secret too short.");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, authSecret), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
