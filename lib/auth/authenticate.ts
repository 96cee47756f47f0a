import "server-only";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { admitSignIn, signInFailed, signInSucceeded } from "./login-throttle";
import { isRole, type Role } from "./roles";

export type AuthenticateResult =
  | { ok: true; user: { id: number; email: string; role: Role; name: string | null; sessionVersion: number } }
  | { ok: false; code: "invalid_credentials" | "too_many_attempts"; retryAfterSeconds?: number };

/**
 * Checks an email and password; the same answer for an unknown email, a wrong password and an
 * inactive user or trader. Throttled by lib/auth/login-throttle.ts: the attempt is admitted
 * (and counted) before the password is checked, so parallel guesses cannot outrun the count.
 */
export async function authenticate(rawEmail: string, password: string, ip: string | null): Promise<AuthenticateResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 254);
  const admission = await admitSignIn(email, ip);
  if (!admission.admitted) return { ok: false, code: "too_many_attempts", retryAfterSeconds: admission.retryAfterSeconds };

  const user = await prisma.user.findUnique({ where: { email }, include: { role: true, trader: { select: { isActive: true } } } });
  const passwordOk = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? null);
  // A deactivated trader profile signs in no more than a deactivated user (lib/web/session.ts).
  const active = user?.isActive === true && user.trader?.isActive !== false;
  if (!user || !passwordOk || !active || !isRole(user.role.name)) {
    await signInFailed(email, ip);
    return { ok: false, code: "invalid_credentials" };
  }
  await signInSucceeded(email, ip);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, role: user.role.name, name: user.name, sessionVersion: user.sessionVersion } };
}
