import "server-only";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { clearFailures, lockedForSeconds, recordFailure, throttleKeys } from "./login-throttle";
import { isRole, type Role } from "./roles";

export type AuthenticateResult =
  | { ok: true; user: { id: number; email: string; role: Role; name: string | null } }
  | { ok: false; code: "invalid_credentials" | "too_many_attempts"; retryAfterSeconds?: number };

/** Checks an email and password; the same answer for an unknown email, a wrong password and an inactive user or trader. */
export async function authenticate(rawEmail: string, password: string, ip: string | null): Promise<AuthenticateResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 254);
  const keys = throttleKeys(email, ip);
  const wait = await lockedForSeconds(keys);
  if (wait > 0) return { ok: false, code: "too_many_attempts", retryAfterSeconds: wait };

  const user = await prisma.user.findUnique({ where: { email }, include: { role: true, trader: { select: { isActive: true } } } });
  const passwordOk = await verifyPassword(password.slice(0, 200), user?.passwordHash ?? null);
  // A deactivated trader profile signs in no more than a deactivated user (lib/web/session.ts).
  const active = user?.isActive === true && user.trader?.isActive !== false;
  if (!user || !passwordOk || !active || !isRole(user.role.name)) {
    await recordFailure(keys);
    return { ok: false, code: "invalid_credentials" };
  }
  await clearFailures(email);
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, role: user.role.name, name: user.name } };
}
