// Two-factor sign-in: enrolment, the second step of authenticate (±1 step, no replay, recovery
// codes once, the throttle), turning it off, an admin's reset, and who must have it.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createUser, ensureDefaultSettings } from "@/lib/testing";
import { createAdminActor, setSetting } from "@/lib/testing/fixtures";
import { authenticate } from "./authenticate";
import { signInKeys } from "./login-throttle";
import { hashRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { matchTotp, totpCode, totpStep, TOTP_PERIOD_SECONDS } from "./totp";
import { confirmTwoFactorEnrolment, disableTwoFactor, resetUserTwoFactor, startTwoFactorEnrolment, twoFactorStatus, verifySecondFactor } from "./two-factor";
import { mfaStateAtSignIn } from "./two-factor-policy";
import { changePassword } from "./change-password";
import { verifyPassword } from "./password";

const PASSWORD = "correct horse battery staple";
let ipSequence = 0;
const freshIp = () => `192.0.2.${++ipSequence}`;
const actorOf = (userId: number) => ({ type: "user" as const, userId, ip: "192.0.2.200", userAgent: "vitest" });

/** A user with 2FA on; the secret read from the enrolment (as the page shows it) and the recovery codes. */
async function enrolledUser(role: "merchant" | "admin" = "merchant") {
  const user = await createUser(prisma, { role, password: PASSWORD });
  const started = await startTwoFactorEnrolment(user.id);
  if (!started.ok) throw new Error("enrolment refused");
  // The code of the previous step: the tests then sign in with the current one (a later step).
  const confirmed = await confirmTwoFactorEnrolment(actorOf(user.id), totpCode(started.enrolment.secret, totpStep() - 1));
  if (!confirmed.ok) throw new Error(`confirm refused: ${confirmed.reason}`);
  return { user, secret: started.enrolment.secret, recoveryCodes: confirmed.recoveryCodes };
}

describe("TOTP codes", () => {
  it("accepts the current step and one on either side, refuses further ones and any step up to the last accepted", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const now = Date.UTC(2026, 11, 5, 0, 0, 10);
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, step), null, now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), null, now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), null, now)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step - 2), null, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step + 2), null, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step), step, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step - 1), step - 1, now)).toBeNull();
    expect(matchTotp(secret, "12345", null, now)).toBeNull();
    expect(TOTP_PERIOD_SECONDS).toBe(30);
  });
});

describe("enrolment", () => {
  it("gives a secret, an otpauth URI labelled with the email and a QR code; a right code turns 2FA on and answers 10 recovery codes, stored hashed", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const started = await startTwoFactorEnrolment(user.id);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.enrolment.uri).toMatch(new RegExp(`^otpauth://totp/JivaPay:${encodeURIComponent(user.email)}\\?secret=${started.enrolment.secret}&issuer=JivaPay$`));
    expect(started.enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const pending = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(pending.totpEnabledAt).toBeNull();
    expect(pending.totpSecretSealed).toMatch(/^v1:/);
    expect(pending.totpSecretSealed).not.toContain(started.enrolment.secret);

    expect(await confirmTwoFactorEnrolment(actorOf(user.id), "000000")).toEqual({ ok: false, reason: "invalid_code" });
    const confirmed = await confirmTwoFactorEnrolment(actorOf(user.id), totpCode(started.enrolment.secret));
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(confirmed.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);

    const enabled = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(enabled.totpEnabledAt).not.toBeNull();
    // Every other session ends.
    expect(enabled.sessionVersion).toBe(pending.sessionVersion + 1);
    expect(enabled.recoveryCodes.map((r) => r.codeHash).sort()).toEqual(confirmed.recoveryCodes.map((c) => hashRecoveryCode(normalizeRecoveryCode(c)!)).sort());
    expect(await prisma.auditLog.count({ where: { action: "two_factor_enabled", entityId: String(user.id) } })).toBe(1);
    expect(await twoFactorStatus(user.id)).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    // Enrolment cannot start over while it is on.
    expect(await startTwoFactorEnrolment(user.id)).toEqual({ ok: false, reason: "already_enabled" });
  });
});

describe("signing in with two-factor", () => {
  it("asks for the code after the right password without counting a failure, then signs in with password and code", async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    for (let i = 0; i < 8; i++) expect(await authenticate(user.email, PASSWORD, ip)).toEqual({ ok: false, code: "otp_required" });
    // Eight "code please" answers did not lock the address out.
    const pair = await prisma.loginAttempt.findUnique({ where: { key: signInKeys(user.email, ip).pair } });
    expect(pair?.failures ?? 0).toBe(0);
    expect(await authenticate(user.email, "wrong password", ip, totpCode(secret))).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await authenticate(user.email, PASSWORD, ip, totpCode(secret))).toMatchObject({ ok: true, user: { id: user.id, mfa: null } });
  });

  it("refuses a wrong code as a failed sign-in, and the same code twice (replay)", async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    const wrong = totpCode(secret, totpStep() + 5);
    expect(await authenticate(user.email, PASSWORD, ip, wrong)).toEqual({ ok: false, code: "invalid_otp" });
    expect((await prisma.loginAttempt.findUniqueOrThrow({ where: { key: signInKeys(user.email, ip).email } })).failures).toBe(1);

    const code = totpCode(secret);
    expect(await authenticate(user.email, PASSWORD, freshIp(), code)).toMatchObject({ ok: true });
    expect(await authenticate(user.email, PASSWORD, freshIp(), code)).toEqual({ ok: false, code: "invalid_otp" });
    // An older code (the previous step) is a replay too once a later one was accepted.
    expect(await authenticate(user.email, PASSWORD, freshIp(), totpCode(secret, totpStep() - 1))).toEqual({ ok: false, code: "invalid_otp" });
  });

  it("locks the address out after repeated wrong codes, like wrong passwords", async () => {
    const { user, secret } = await enrolledUser();
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await authenticate(user.email, PASSWORD, ip, `${100000 + i}`);
    expect(await authenticate(user.email, PASSWORD, ip, totpCode(secret))).toMatchObject({ ok: false, code: "too_many_attempts" });
  });

  it("accepts each recovery code once, typed in any case and with or without dashes", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const [first, second] = recoveryCodes;
    expect(await authenticate(user.email, PASSWORD, freshIp(), first.toUpperCase())).toMatchObject({ ok: true });
    expect(await authenticate(user.email, PASSWORD, freshIp(), first)).toEqual({ ok: false, code: "invalid_otp" });
    expect(await authenticate(user.email, PASSWORD, freshIp(), second.replaceAll("-", ""))).toMatchObject({ ok: true });
    expect((await twoFactorStatus(user.id)).recoveryCodesLeft).toBe(8);
  });

  it("lets only one of two parallel sign-ins with the same code through", async () => {
    const { user, secret } = await enrolledUser();
    const code = totpCode(secret);
    const results = await Promise.all([verifySecondFactor(user.id, code), verifySecondFactor(user.id, code), verifySecondFactor(user.id, code)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("who must have two-factor sign-in", () => {
  it("flags a session of a required role without 2FA as setup-required; not with 2FA, not for other roles", async () => {
    expect(mfaStateAtSignIn("admin", false, ["admin", "support"])).toBe("setup_required");
    expect(mfaStateAtSignIn("admin", true, ["admin", "support"])).toBeNull();
    expect(mfaStateAtSignIn("merchant", false, ["admin", "support"])).toBeNull();
    expect(mfaStateAtSignIn("admin", false, [])).toBeNull();
  });

  it("follows security.require_2fa_roles at sign-in (default: admin and support)", async () => {
    await ensureDefaultSettings(prisma);
    const admin = await createUser(prisma, { role: "admin", password: PASSWORD });
    const merchant = await createUser(prisma, { role: "merchant", password: PASSWORD });
    expect(await authenticate(admin.email, PASSWORD, freshIp())).toMatchObject({ ok: true, user: { mfa: "setup_required" } });
    expect(await authenticate(merchant.email, PASSWORD, freshIp())).toMatchObject({ ok: true, user: { mfa: null } });
    await setSetting("security.require_2fa_roles", ["merchant"]);
    try {
      expect(await authenticate(admin.email, PASSWORD, freshIp())).toMatchObject({ ok: true, user: { mfa: null } });
      expect(await authenticate(merchant.email, PASSWORD, freshIp())).toMatchObject({ ok: true, user: { mfa: "setup_required" } });
      expect((await twoFactorStatus(merchant.id)).required).toBe(true);
    } finally {
      await setSetting("security.require_2fa_roles", ["admin", "support"]);
    }
  });

  it("lets an optional role turn 2FA off with a current code, not a required one; both end every session", async () => {
    await ensureDefaultSettings(prisma);
    const { user, secret } = await enrolledUser("merchant");
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    expect(await disableTwoFactor(actorOf(user.id), "000000")).toEqual({ ok: false, reason: "invalid_code" });
    expect(await disableTwoFactor(actorOf(user.id), totpCode(secret))).toEqual({ ok: true });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect([after.totpEnabledAt, after.totpSecretSealed, after.recoveryCodes.length, after.sessionVersion]).toEqual([null, null, 0, before + 1]);
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });

    const admin = await enrolledUser("admin");
    expect(await disableTwoFactor(actorOf(admin.user.id), totpCode(admin.secret))).toEqual({ ok: false, reason: "required" });
  });

  it("an admin resets another user's 2FA, audited; the user signs in with the password alone again", async () => {
    const { user } = await enrolledUser();
    const admin = await createAdminActor();
    expect(await resetUserTwoFactor({ userId: user.id }, admin)).toEqual({ email: user.email });
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    expect(await prisma.auditLog.count({ where: { action: "two_factor_reset", entityId: String(user.id), userId: admin.userId } })).toBe(1);
  });
});

describe("changing the password", () => {
  it("needs the current password; the new one is argon2id and every session ends", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const input = { currentPassword: "not it", password: "a brand new password", confirmPassword: "a brand new password" };
    expect(await changePassword(actorOf(user.id), input)).toEqual({ ok: false, reason: "wrong_password" });
    expect(await changePassword(actorOf(user.id), { ...input, currentPassword: PASSWORD })).toEqual({ ok: true });
    const changed = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword("a brand new password", changed.passwordHash)).toBe(true);
    expect(changed.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await prisma.auditLog.count({ where: { action: "password_changed", entityId: String(user.id) } })).toBe(1);
    expect(await authenticate(user.email, PASSWORD, freshIp())).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await authenticate(user.email, "a brand new password", freshIp())).toMatchObject({ ok: true });
  });
});
