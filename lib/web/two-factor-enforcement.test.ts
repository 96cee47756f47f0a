// A session of a role that must have 2FA, signed in without it (the JWT carries mfa
// "setup_required"): cabinet pages send it to the enrolment page, server actions and cabinet
// route handlers refuse it, "anyone" actions (the enrolment itself) still run. The next-auth
// session (the decoded JWT) and the request are stubbed; users and translations are real.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createAdmin } from "@/lib/testing";
import { runAction, type ActionResult } from "@/lib/web/action";
import { getCurrentUser, requireRole, TWO_FACTOR_SETUP_PATH } from "@/lib/web/session";
import { routeUserOrRefusal } from "@/lib/web/route-user";

const session = vi.hoisted(() => ({ userId: null as number | null, mfa: undefined as "setup_required" | undefined }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId === null ? null : { user: { id: session.userId, role: "admin", sessionVersion: 0, mfa: session.mfa }, expires: "2099-01-01T00:00:00.000Z" }),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

afterEach(() => {
  session.userId = null;
  session.mfa = undefined;
});

async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  const error = await run().then(() => null, (e: unknown) => e);
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  return digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2] : null;
}

describe("a session that must enrol in 2FA first", () => {
  it("is sent to the enrolment page by cabinet pages, refused by actions and route handlers; 'anyone' actions run", async () => {
    const { user } = await createAdmin(prisma);
    session.userId = user.id;
    session.mfa = "setup_required";
    expect(await getCurrentUser()).toMatchObject({ id: user.id, twoFactorSetupRequired: true });
    expect(await redirectOf(() => requireRole("admin"))).toBe(TWO_FACTOR_SETUP_PATH);

    const run = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    expect(await runAction({ role: "admin" }, null, run)).toEqual({ ok: false, message: "Set up two-factor sign-in first (Account security)." });
    expect(run).not.toHaveBeenCalled();
    expect((await routeUserOrRefusal("admin")).refusal?.status).toBe(403);
    expect(await runAction({ role: "anyone" }, null, run)).toEqual({ ok: true });
  });

  it("once signed in again with 2FA (no flag), everything opens", async () => {
    const { user } = await createAdmin(prisma);
    session.userId = user.id;
    expect((await requireRole("admin")).id).toBe(user.id);
    expect(await runAction({ role: "admin" }, null, async (): Promise<ActionResult> => ({ ok: true }))).toEqual({ ok: true });
    expect((await routeUserOrRefusal("admin")).user?.id).toBe(user.id);
  });
});
