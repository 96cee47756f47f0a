import "server-only";
import { prisma } from "@/lib/db/client";
import { SemaphoreFullError } from "@/lib/concurrency/semaphore";
import { readSettings } from "@/lib/settings/read-settings";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { admitSignIn, signInFailed, signInIncomplete, signInSucceeded } from "./login-throttle";
import { isRole, type Role } from "./roles";
import { verifySecondFactor } from "./two-factor";
import { mfaStateAtSignIn, type MfaState } from "./two-factor-policy";

export interface AuthenticatedUser {
  id: number;
  email: string;
  role: Role;
  name: string | null;
  sessionVersion: number;
  /** "setup_required": the role must have 2FA and the user has none yet; the session may only enrol (lib/web/session.ts). */
  mfa: MfaState;
}

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "invalid_credentials" | "too_many_attempts" | "otp_required" | "invalid_otp"; retryAfterSeconds?: number };

/**
 * Checks an email and password, and the second factor (`otp`: a TOTP code or a recovery code)
 * of an account with two-factor sign-in; the same answer for an unknown email, a wrong password
 * and an inactive user or trader. Throttled by lib/auth/login-throttle.ts: the attempt is
 * admitted (and counted) before the password is checked, so parallel guesses cannot outrun the
 * count. A right password without a code is no failure (`otp_required`: the form asks for the
 * code); a wrong code is one, like a wrong password. A bcrypt hash from before argon2id is
 * replaced at the first sign-in that proves the password.
 */
export async function authenticate(rawEmail: string, password: string, ip: string | null, otp?: string | null): Promise<AuthenticateResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 254);
  const admission = await admitSignIn(email, ip);
  if (!admission.admitted) return { ok: false, code: "too_many_attempts", retryAfterSeconds: admission.retryAfterSeconds };

  const user = await prisma.user.findUnique({ where: { email }, include: { role: true, trader: { select: { isActive: true, isSandbox: true } } } });
  const typed = password.slice(0, 200);
  let passwordOk: boolean;
  try {
    passwordOk = await verifyPassword(typed, user?.passwordHash ?? null);
  } catch (error) {
    // Too many sign-ins waiting for a hashing slot: a busy server, not the caller's fault.
    if (error instanceof SemaphoreFullError) {
      await signInIncomplete(email, ip);
      return { ok: false, code: "too_many_attempts", retryAfterSeconds: 1 };
    }
    throw error;
  }
  // A deactivated trader profile signs in no more than a deactivated user (lib/web/session.ts).
  // The simulated sandbox trader is the platform's, not a person's: it never signs in.
  const active = user?.isActive === true && user.trader?.isActive !== false && user.trader?.isSandbox !== true;
  if (!user || !passwordOk || !active || !isRole(user.role.name)) {
    await signInFailed(email, ip);
    return { ok: false, code: "invalid_credentials" };
  }
  if (user.totpEnabledAt) {
    const code = otp?.trim() ?? "";
    if (!code) {
      await signInIncomplete(email, ip);
      return { ok: false, code: "otp_required" };
    }
    if (!(await verifySecondFactor(user.id, code))) {
      await signInFailed(email, ip);
      return { ok: false, code: "invalid_otp" };
    }
  }
  await signInSucceeded(email, ip);
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(typed) : undefined;
  // Only if the hash is still the one just checked: a password changed meanwhile is not undone.
  await prisma.user.updateMany({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  if (passwordHash) await prisma.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
  const settings = await readSettings();
  const role = user.role.name;
  return {
    ok: true,
    user: { id: user.id, email: user.email, role, name: user.name, sessionVersion: user.sessionVersion, mfa: mfaStateAtSignIn(role, user.totpEnabledAt !== null, settings["security.require_2fa_roles"]) },
  };
}
