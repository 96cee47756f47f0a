// runAction, the frame of every server action: who may call, the actor, the input's field
// errors in the reader's language, a DomainError's explanation and field, revalidation. The
// next-auth session (the decoded JWT) and the request's headers and cookies are stubbed;
// users and the translations are real.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { createAdmin, createTrader, createUser } from "@/lib/testing";
import { runAction, type ActionResult } from "@/lib/web/action";

const request = vi.hoisted(() => ({ userId: null as number | null, revalidated: [] as unknown[][] }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (request.userId === null ? null : { user: { id: request.userId }, expires: "2099-01-01T00:00:00.000Z" }),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": "203.0.113.66, 198.51.100.7" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => void request.revalidated.push(args) }));

beforeEach(() => {
  request.revalidated = [];
});
afterEach(() => {
  request.userId = null;
});

/** What a page or server action gets: the thrown redirect's target. */
async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  const error = await run().then(() => null, (e: unknown) => e);
  const digest = (error as { digest?: string } | null)?.digest ?? "";
  return digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2] : null;
}

const noteSchema = z.object({ note: z.string().trim().min(3, { error: "support.resolve.errors.noteRequired" }), count: z.number().int().max(5) });

describe("runAction", () => {
  it("checks the caller before anything runs: signed out goes to /login, another role or a missing permission is refused", async () => {
    const run = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    expect(await redirectOf(() => runAction({ role: "admin" }, null, run))).toBe("/login");

    request.userId = (await createUser(prisma, { role: "merchant" })).id;
    await expect(runAction({ role: "admin" }, null, run)).rejects.toThrow();

    request.userId = (await createAdmin(prisma, { grantedPermissions: { "rates.manage": false } })).user.id;
    await expect(runAction({ role: "admin", permission: "rates.manage" }, null, run)).rejects.toThrow();
    expect(run).not.toHaveBeenCalled();

    await expect(runAction({ role: "admin", permission: "stores.manage" }, null, run)).resolves.toEqual({ ok: true });
    expect(run).toHaveBeenCalledOnce();
  });

  it("builds the actor once from the user and the request, and re-renders the paths after a success only", async () => {
    const { user: admin } = await createAdmin(prisma);
    request.userId = admin.id;
    const result = await runAction({ role: "admin", revalidate: ["/admin", { path: "/admin/stores", type: "layout" }] }, null, async ({ actor, user }) => ({
      ok: true,
      actor,
      userId: user.id,
    }));
    expect(result).toEqual({ ok: true, userId: admin.id, actor: { type: "user", role: "admin", userId: admin.id, ip: "198.51.100.7", userAgent: "vitest" } });
    expect(request.revalidated).toEqual([["/admin"], ["/admin/stores", "layout"]]);

    request.revalidated = [];
    await runAction({ role: "admin", revalidate: "/admin" }, null, async (): Promise<ActionResult> => ({ ok: false, message: "no" }));
    expect(request.revalidated).toEqual([]);
  });

  it("answers bad input with field errors in the reader's language: message keys translated, zod's own text localised", async () => {
    const user = await createUser(prisma, { role: "support", locale: "ru" });
    request.userId = user.id;
    const run = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    const result = await runAction({ role: "support", schema: noteSchema }, { note: " x ", count: 9 }, run);
    expect(run).not.toHaveBeenCalled();
    expect(result).toEqual({
      ok: false,
      message: "Проверьте отмеченные поля.",
      fieldErrors: { note: "Напишите комментарий: что вы проверили и почему.", count: expect.stringMatching(/5/) },
    });
    expect(result.ok || result.fieldErrors?.count).not.toMatch(/Too big/);

    await prisma.user.update({ where: { id: user.id }, data: { locale: "en" } });
    const english = await runAction({ role: "support" }, null, async ({ parse }) => {
      parse(noteSchema, { note: "fine", count: 9 });
      return { ok: true };
    });
    expect(english).toEqual({ ok: false, message: "Check the highlighted fields.", fieldErrors: { count: expect.stringMatching(/^Too big/) } });
  });

  it("explains a DomainError in the scope's words, then the common ones, then its own message; its param marks the field", async () => {
    request.userId = (await createUser(prisma, { role: "merchant" })).id;
    const refuse = (error: DomainError) => async (): Promise<ActionResult> => {
      throw error;
    };
    // The merchant's own wording, on the field the param names through `fields`.
    expect(await runAction({ role: "merchant", fields: { store_id: "storeId" } }, null, refuse(new DomainError("store_not_found", "No store 7.", { param: "store_id" })))).toEqual({
      ok: false,
      message: "This store was not found.",
      fieldErrors: { storeId: "This store was not found." },
    });
    // A code every cabinet reads alike; a param that is the field's own name.
    expect(await runAction({ role: "merchant" }, null, refuse(new DomainError("invalid_amount", undefined, { param: "amount" })))).toEqual({
      ok: false,
      message: "The amount must be more than zero.",
      fieldErrors: { amount: "The amount must be more than zero." },
    });
    // No words for it: the error's own message, or the action's fallback.
    expect(await runAction({ role: "merchant" }, null, refuse(new DomainError("not_yet_expired", "Not yet.")))).toEqual({ ok: false, message: "Not yet." });
    expect(await runAction({ role: "merchant", fallback: "support.requisite.failed" }, null, refuse(new DomainError("not_yet_expired", "Not yet.")))).toEqual({
      ok: false,
      message: "The requisite could not be changed. Try again.",
    });
    // Anything else is a bug and propagates.
    await expect(runAction({ role: "merchant" }, null, refuse(new Error("boom") as DomainError))).rejects.toThrow("boom");
  });

  it("gives a trader action the trader's profile, and says 'something went wrong' for a code the cabinet does not explain", async () => {
    const trader = await createTrader(prisma);
    request.userId = trader.userId;
    expect(await runAction({ role: "trader" }, null, async ({ traderId }) => ({ ok: true, traderId }))).toEqual({ ok: true, traderId: trader.id });
    expect(
      await runAction({ role: "trader" }, null, async (): Promise<ActionResult> => {
        throw new DomainError("order_not_found");
      }),
    ).toEqual({ ok: false, message: "This order is no longer in your queue." });
    expect(
      await runAction({ role: "trader" }, null, async (): Promise<ActionResult> => {
        throw new DomainError("not_yet_expired", "The deadline has not passed.");
      }),
    ).toEqual({ ok: false, message: "Something went wrong. Try again in a moment." });

    request.userId = (await createUser(prisma, { role: "trader" })).id;
    const run = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    expect(await runAction({ role: "trader" }, null, run)).toEqual({ ok: false, message: "Your account has no trader profile yet." });
    expect(run).not.toHaveBeenCalled();
  });

  it("lets anyone call an action for the sign-in pages, with the request's origin as the actor", async () => {
    expect(await runAction({ role: "anyone" }, null, async ({ user, actor }) => ({ ok: true, user, actor }))).toEqual({
      ok: true,
      user: null,
      actor: { ip: "198.51.100.7", userAgent: "vitest" },
    });
  });
});
