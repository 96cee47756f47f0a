import "server-only";
import QRCode from "qrcode";
import { prisma, type Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { seal, unseal, type SealPurpose } from "@/lib/crypto/sealed";
import { readSettings } from "@/lib/settings/read-settings";
import { DomainError } from "@/lib/errors/domain-error";
import { assertUserManager } from "./assert-admin";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import { isTotpCodeShape, matchTotp, newTotpSecret, totpUri } from "./totp";
import { twoFactorRequiredFor } from "./two-factor-policy";
import { isRole } from "./roles";

/**
 * Two-factor sign-in with TOTP: enrolment (secret → QR code → first code → recovery codes),
 * the second step of a sign-in, turning it off, and an admin's reset. The secret is kept sealed
 * (lib/crypto/sealed.ts) and bound to the user id; recovery codes only as hashes.
 *
 * Enabling, disabling and resetting bump the user's session_version: every session signed in
 * before ends (this one too: the page asks the user to sign in again, now with a code).
 */
const TOTP_SECRETS: SealPurpose = { salt: "jivapay.two-factor", info: "totp-secret.v1" };
const sealFor = (userId: number) => `user:${userId}`;
const sealTotpSecret = (secret: string, userId: number) => seal(secret, TOTP_SECRETS, sealFor(userId));
const openTotpSecret = (sealed: string, userId: number) => unseal(sealed, TOTP_SECRETS, sealFor(userId));

export interface TwoFactorStatus {
  enabled: boolean;
  /** The user's role must have it (security.require_2fa_roles): it cannot be turned off. */
  required: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(userId: number): Promise<TwoFactorStatus> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true, role: { select: { name: true } } } });
  const settings = await readSettings();
  const recoveryCodesLeft = user.totpEnabledAt ? await prisma.recoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  const role = user.role.name;
  return { enabled: user.totpEnabledAt !== null, required: isRole(role) && twoFactorRequiredFor(role, settings["security.require_2fa_roles"]), recoveryCodesLeft };
}

export interface EnrolmentStart {
  secret: string;
  uri: string;
  /** The URI as a PNG data: URL (the CSP allows data: images). */
  qrDataUrl: string;
}

/**
 * Begins (or begins again) enrolment: a fresh secret, stored sealed but not enabled until a code
 * from it is confirmed. Refused while 2FA is on (turn it off, or ask an admin to reset it, first).
 */
export async function startTwoFactorEnrolment(userId: number): Promise<{ ok: true; enrolment: EnrolmentStart } | { ok: false; reason: "already_enabled" }> {
  const secret = newTotpSecret();
  const { count } = await prisma.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecretSealed: sealTotpSecret(secret, userId), totpLastStep: null } });
  if (count === 0) return { ok: false, reason: "already_enabled" };
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const uri = totpUri(user.email, secret);
  return { ok: true, enrolment: { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 220 }) } };
}

export type ConfirmEnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: "invalid_code" | "not_started" | "already_enabled" };

/**
 * Turns 2FA on with the first code from the pending secret; answers the recovery codes, which
 * exist in clear only in this answer. Audited as `two_factor_enabled`.
 */
export async function confirmTwoFactorEnrolment(actor: Actor & { userId: number }, code: string, now = new Date()): Promise<ConfirmEnrolmentResult> {
  const recoveryCodes = newRecoveryCodes();
  return runTransaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ totp_secret_sealed: string | null; totp_enabled_at: Date | null }[]>`
      SELECT totp_secret_sealed, totp_enabled_at FROM users WHERE id = ${actor.userId} FOR UPDATE`;
    if (!user) throw new DomainError("user_not_found");
    if (user.totp_enabled_at) return { ok: false, reason: "already_enabled" } as const;
    if (!user.totp_secret_sealed) return { ok: false, reason: "not_started" } as const;
    const step = matchTotp(openTotpSecret(user.totp_secret_sealed, actor.userId), code, null, now.getTime());
    if (step === null) return { ok: false, reason: "invalid_code" } as const;
    await tx.user.update({ where: { id: actor.userId }, data: { totpEnabledAt: now, totpLastStep: step, sessionVersion: { increment: 1 } } });
    await replaceRecoveryCodes(tx, actor.userId, recoveryCodes);
    await recordAudit(tx, actor, { action: "two_factor_enabled", entityType: "user", entityId: actor.userId });
    return { ok: true, recoveryCodes } as const;
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: number, codes: string[]) {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })) });
}

/**
 * The second step of a sign-in (or a check before turning 2FA off): a TOTP code, accepted once
 * per time step (a compare-and-set on totp_last_step, so two requests with one code cannot both
 * pass), or an unused recovery code, used up by this call. False for anything else.
 */
export async function verifySecondFactor(userId: number, typed: string, now = Date.now()): Promise<boolean> {
  const value = typed.trim().slice(0, 64);
  if (isTotpCodeShape(value)) {
    const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecretSealed: true, totpEnabledAt: true, totpLastStep: true } });
    if (!user?.totpEnabledAt || !user.totpSecretSealed) return false;
    const step = matchTotp(openTotpSecret(user.totpSecretSealed, userId), value, user.totpLastStep, now);
    if (step === null) return false;
    const { count } = await prisma.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1;
  }
  const normalized = normalizeRecoveryCode(value);
  if (!normalized) return false;
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(normalized), usedAt: null, user: { totpEnabledAt: { not: null } } },
    data: { usedAt: new Date(now) },
  });
  return count === 1;
}

export type DisableResult = { ok: true } | { ok: false; reason: "required" | "invalid_code" | "not_enabled" };

/** Turns 2FA off for a user whose role does not require it, given a current code (or a recovery code). Audited as `two_factor_disabled`. */
export async function disableTwoFactor(actor: Actor & { userId: number }, code: string): Promise<DisableResult> {
  const status = await twoFactorStatus(actor.userId);
  if (!status.enabled) return { ok: false, reason: "not_enabled" };
  if (status.required) return { ok: false, reason: "required" };
  if (!(await verifySecondFactor(actor.userId, code))) return { ok: false, reason: "invalid_code" };
  await runTransaction(async (tx) => {
    await clearTwoFactor(tx, actor.userId);
    await recordAudit(tx, actor, { action: "two_factor_disabled", entityType: "user", entityId: actor.userId });
  });
  return { ok: true };
}

/**
 * An admin with users.manage (users.manage_admins as well for an admin account) turns another
 * user's 2FA off, e.g. after a lost phone without recovery codes; the user enrols again at
 * their next sign-in if their role requires it. Audited as `two_factor_reset`.
 */
export async function resetUserTwoFactor(input: { userId: number }, actor: Actor): Promise<{ email: string }> {
  return runTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, role: { select: { name: true } } } });
    if (!user) throw new DomainError("user_not_found");
    await assertUserManager(tx, actor, user.role.name);
    await clearTwoFactor(tx, user.id);
    await recordAudit(tx, actor, { action: "two_factor_reset", entityType: "user", entityId: user.id });
    return { email: user.email };
  });
}

async function clearTwoFactor(tx: Tx, userId: number) {
  await tx.user.update({ where: { id: userId }, data: { totpSecretSealed: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
}
