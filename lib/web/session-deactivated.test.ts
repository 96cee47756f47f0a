// A deactivated user's existing cabinet session stops at once: the JWT still names them, but
// the user (and a trader's profile) is re-read on every request, and a deactivated one is
// treated as signed out by pages, server actions and cabinet route handlers. Sign-in refuses
// them too. The next-auth session (the decoded JWT) is stubbed; everything else is real.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTrader, createUser, ensureDefaultSettings } from "@/lib/testing";
import { DEFAULT_TEST_PASSWORD } from "@/lib/testing/users";
import { getCurrentUser, requireRole } from "@/lib/web/session";
import { routeUserOrRefusal } from "@/lib/web/route-user";
import { authenticate } from "@/lib/auth/authenticate";
import { requireTrader, traderRouteSession } from "@/lib/web/trader-session";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId === null ? null : { user: { id: session.userId, role: "merchant" }, expires: "2099-01-01T00:00:00.000Z" }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "user-agent": "vitest" }) }));

const signInAs = (userId: number) => {
  session.userId = userId;
};

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
