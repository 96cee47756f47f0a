import { timingSafeEqual } from "node:crypto";
import { generateSecret, generateSync, generateURI } from "otplib";

/**
 * TOTP as authenticator apps do it (RFC 6238: SHA-1, 6 digits, 30-second steps), with otplib.
 * Pure: no database. lib/auth/two-factor.ts keeps the secret and the last accepted step.
 */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes for the step before and after the current one are accepted too: phone clocks drift. */
export const TOTP_WINDOW_STEPS = 1;
export const TOTP_ISSUER = "JivaPay";

/** A fresh base32 secret (160 bits, as authenticator apps expect). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code: issuer JivaPay, labelled with the email. */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The time step `now` falls in. */
export function totpStep(now = Date.now()): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a step (the e2e spec and tests compute codes the same way an app does). */
export function totpCode(secret: string, step = totpStep()): string {
  return generateSync({ secret, epoch: step * TOTP_PERIOD_SECONDS });
}

/** Whether `value` looks like a TOTP code (six digits, spaces allowed) rather than a recovery code. */
export function isTotpCodeShape(value: string): boolean {
  return /^\d{6}$/.test(value.replace(/\s+/g, ""));
}

/**
 * The step `code` is valid for, within ±TOTP_WINDOW_STEPS of now and after `lastStep` (a code
 * for the last accepted step or an earlier one is a replay), or null. The newest matching step
 * wins, so a code is never accepted twice by sliding the window.
 */
export function matchTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const typed = Buffer.from(code.replace(/\s+/g, ""));
  if (typed.length !== 6) return null;
  const current = totpStep(now);
  for (let step = current + TOTP_WINDOW_STEPS; step >= current - TOTP_WINDOW_STEPS; step--) {
    if (lastStep !== null && step <= lastStep) break;
    if (timingSafeEqual(Buffer.from(totpCode(secret, step)), typed)) return step;
  }
  return null;
}
