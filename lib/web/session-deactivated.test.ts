// A deactivated user's existing cabinet session stops at once: the JWT still names them, but
// the user (and a trader's profile) is re-read on every request, and a deactivated one is
// treated as signed out by pages, server actions and cabinet route handlers. Sign-in refuses
// them too. A session signed in before the user's session_version was bumped (a password reset,
// "sign out everywhere", a deactivation) is treated as signed out the same way. The next-auth
// session (the decoded JWT) is stubbed; everything else is real.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTrader, createUser, ensureDefaultSettings } from "@/lib/testing";
import { DEFAULT_TEST_PASSWORD } from "@/lib/testing/users";
import { getCurrentUser, requireRole } from "@/lib/web/session";
import { routeUserOrRefusal } from "@/lib/web/route-user";
import { authenticate } from "@/lib/auth/authenticate";
import { requireTrader, traderRouteSession } from "@/lib/web/trader-session";
import { runTransaction } from "@/lib/db/run-transaction";
import { issueToken } from "@/lib/auth/tokens";
import { resetPassword } from "@/lib/auth/password-reset";
import { endOwnSessions, endUserSessions } from "@/lib/users/end-sessions";
import { setUserActive } from "@/lib/users/set-user-active";
import { createAdminActor } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null, sessionVersion: 0 }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId === null ? null : { user: { id: session.userId, role: "merchant", sessionVersion: session.sessionVersion }, expires: "2099-01-01T00:00:00.000Z" }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));

/** The session a sign-in would issue: it carries the user's session_version at that moment. */
const signInAs = (userId: number, sessionVersion = 0) => {
  session.userId = userId;
  session.sessionVersion = sessionVersion;
};
const currentVersion = async (userId: number) => (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;

/** What a page or server action gets: the thrown redirect's target. */
async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  const error = await run().then(() => null, (e: unknown) => e);
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  return digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2] : null;
}

let ip = 0;
const freshIp = () => `203.0.113.${++ip}`;

beforeAll(async () => {
  await ensureDefaultSettings(prisma);
});
afterEach(() => {
  session.userId = null;
});

describe("a deactivated merchant's session", () => {
  it("is signed out on the next request: pages and actions go to /login, route handlers get 401; reactivated, it works again", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    signInAs(merchant.id);
    expect(await getCurrentUser()).toMatchObject({ id: merchant.id, role: "merchant", traderId: null });
    expect((await requireRole("merchant")).id).toBe(merchant.id);
    expect((await routeUserOrRefusal("merchant")).user?.id).toBe(merchant.id);

    await prisma.user.update({ where: { id: merchant.id }, data: { isActive: false } });
    expect(await getCurrentUser()).toBeNull();
    expect(await redirectOf(() => requireRole("merchant"))).toBe("/login");
    const { refusal } = await routeUserOrRefusal("merchant");
    expect(refusal?.status).toBe(401);

    await prisma.user.update({ where: { id: merchant.id }, data: { isActive: true } });
    expect((await getCurrentUser())?.id).toBe(merchant.id);
  });

  it("deactivated by an admin, stays signed out after reactivation until they sign in again", async () => {
    const admin = await createAdminActor();
    const merchant = await createUser(prisma, { role: "merchant" });
    signInAs(merchant.id);
    await setUserActive({ userId: merchant.id, isActive: false }, admin);
    await setUserActive({ userId: merchant.id, isActive: true }, admin);
    expect(await getCurrentUser()).toBeNull();
    signInAs(merchant.id, await currentVersion(merchant.id));
    expect((await getCurrentUser())?.id).toBe(merchant.id);
  });

  it("cannot sign in again", async () => {
    const merchant = await createUser(prisma, { role: "merchant", isActive: false });
    expect(await authenticate(merchant.email, DEFAULT_TEST_PASSWORD, freshIp())).toEqual({ ok: false, code: "invalid_credentials" });
  });
});

describe("a deactivated trader's session", () => {
  it("is signed out when the user or the trader profile is deactivated, and carries the trader id while active", async () => {
    const trader = await createTrader(prisma);
    signInAs(trader.userId);
    expect((await requireTrader()).traderId).toBe(trader.id);
    expect(await traderRouteSession()).toEqual({ traderId: trader.id });

    await prisma.trader.update({ where: { id: trader.id }, data: { isActive: false } });
    expect(await getCurrentUser()).toBeNull();
    expect(await redirectOf(() => requireTrader())).toBe("/login");
    expect((await traderRouteSession()).refusal?.status).toBe(401);

    await prisma.trader.update({ where: { id: trader.id }, data: { isActive: true } });
    await prisma.user.update({ where: { id: trader.userId }, data: { isActive: false } });
    expect(await redirectOf(() => requireTrader())).toBe("/login");
    expect((await traderRouteSession()).refusal?.status).toBe(401);

    await prisma.user.update({ where: { id: trader.userId }, data: { isActive: true } });
    expect(await traderRouteSession()).toEqual({ traderId: trader.id });
  });

  it("cannot sign in with a deactivated trader profile", async () => {
    const trader = await createTrader(prisma, { isActive: false });
    const { email } = await prisma.user.findUniqueOrThrow({ where: { id: trader.userId } });
    expect(await authenticate(email, DEFAULT_TEST_PASSWORD, freshIp())).toEqual({ ok: false, code: "invalid_credentials" });
  });

  it("a trader user without a profile yet is still signed in, with no trader id", async () => {
    const user = await createUser(prisma, { role: "trader" });
    signInAs(user.id);
    expect(await traderRouteSession()).toEqual({ traderId: null });
  });
});

describe("sessions that end", () => {
  it("a password reset signs out every session signed in before it; a new sign-in works", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    signInAs(merchant.id);
    expect((await getCurrentUser())?.id).toBe(merchant.id);

    const token = await runTransaction((tx) => issueToken(tx, { userId: merchant.id, purpose: "reset", now: new Date() }));
    await resetPassword({ token, password: "a brand new passphrase 42", confirmPassword: "a brand new passphrase 42" });
    expect(await getCurrentUser()).toBeNull();
    expect(await redirectOf(() => requireRole("merchant"))).toBe("/login");
    expect((await routeUserOrRefusal("merchant")).refusal?.status).toBe(401);

    const signedIn = await authenticate(merchant.email, "a brand new passphrase 42", freshIp());
    expect(signedIn).toMatchObject({ ok: true, user: { sessionVersion: 1 } });
    signInAs(merchant.id, signedIn.ok ? signedIn.user.sessionVersion : -1);
    expect((await getCurrentUser())?.id).toBe(merchant.id);
  });

  it("\"sign out everywhere\" by the user ends their older sessions, audited", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    signInAs(merchant.id);
    await endOwnSessions({ type: "user", role: "merchant", userId: merchant.id, ip: "192.0.2.1", userAgent: "vitest" });
    expect(await getCurrentUser()).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "sessions_ended", entityId: String(merchant.id), userId: merchant.id } })).toBe(1);
    signInAs(merchant.id, await currentVersion(merchant.id));
    expect((await getCurrentUser())?.id).toBe(merchant.id);
  });

  it("an admin with users.manage signs another user out everywhere, audited; a merchant cannot", async () => {
    const admin = await createAdminActor();
    const trader = await createTrader(prisma);
    signInAs(trader.userId);
    expect(await traderRouteSession()).toEqual({ traderId: trader.id });

    const merchant = await createUser(prisma, { role: "merchant" });
    await expect(endUserSessions({ userId: trader.userId }, { type: "user", role: "merchant", userId: merchant.id })).rejects.toMatchObject({ code: "admin_only" });
    expect(await traderRouteSession()).toEqual({ traderId: trader.id });

    await endUserSessions({ userId: trader.userId }, admin);
    expect((await traderRouteSession()).refusal?.status).toBe(401);
    expect(await prisma.auditLog.count({ where: { action: "sessions_ended", entityId: String(trader.userId), userId: admin.userId } })).toBe(1);
  });
});
