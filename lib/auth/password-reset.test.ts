import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { expectDomainError } from "@/lib/testing/assertions";
import { createUser } from "@/lib/testing";
import { authenticate } from "./authenticate";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { newPasswordSchema } from "./password-schema";
import { newPasswordFormInput } from "./set-password-action";
import { sha256Hex } from "./api-keys";
import { issueToken, peekToken } from "./tokens";
import { liveBody } from "@/lib/email/sealed-secret";

const NEW_PASSWORD = "a brand new password";
let ipSequence = 0;
const freshIp = () => `203.0.113.${++ipSequence}`;

/** The token from the newest reset email sent to `to` (the outbox keeps it sealed; the sender puts it back). */
async function tokenSentTo(to: string): Promise<string> {
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to, template: "password_reset" }, orderBy: { id: "desc" } });
  expect(email.text).toContain("/reset-password?token=[redacted]");
  const match = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(liveBody(email.text, email));
  expect(liveBody(email.html, email)).toContain(`/reset-password?token=${match![1]}`);
  return match![1];
}

const expectInvalidToken = (promise: Promise<unknown>) => expectDomainError(promise, "invalid_token");

const reset = (token: string, now?: Date) => resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD, now });

beforeEach(() => {
  delete process.env.APP_URL;
  process.env.NEXTAUTH_URL = "http://jivapay.test:3000/";
});

describe("requestPasswordReset", () => {
  it("emails an active user a one-hour link to the app", async () => {
    const user = await createUser(prisma, { name: "Rita" });
    expect(await requestPasswordReset({ email: ` ${user.email.toUpperCase()} `, ip: freshIp() })).toEqual({ ok: true });

    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to: user.email } });
    expect(email).toMatchObject({ template: "password_reset", status: "queued", subject: "Reset your JivaPay password" });
    expect(email.text).toContain("http://jivapay.test:3000/reset-password?token=");
    expect(email.text).toContain("Hello Rita,");
    const token = await tokenSentTo(user.email);
    const row = await prisma.authToken.findFirstOrThrow({ where: { userId: user.id, purpose: "reset" } });
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60_000);
    expect(await peekToken(token, "reset")).toMatchObject({ id: user.id });
  });

  it("prefers APP_URL for the link", async () => {
    process.env.APP_URL = "https://pay.example.com";
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    expect((await prisma.emailOutbox.findFirstOrThrow({ where: { to: user.email } })).text).toContain("https://pay.example.com/reset-password?token=");
  });

  it("answers the same for an unknown address and an inactive user, and emails neither", async () => {
    const inactive = await createUser(prisma, { isActive: false });
    expect(await requestPasswordReset({ email: "nobody@test.jivapay.dev", ip: freshIp() })).toEqual({ ok: true });
    expect(await requestPasswordReset({ email: inactive.email, ip: freshIp() })).toEqual({ ok: true });
    expect(await prisma.emailOutbox.count({ where: { to: { in: ["nobody@test.jivapay.dev", inactive.email] } } })).toBe(0);
  });

  it("throttles repeated requests for one address, whether or not it exists", async () => {
    const user = await createUser(prisma);
    for (const email of [user.email, "ghost-reset@test.jivapay.dev"]) {
      for (let i = 1; i <= 6; i++) expect(await requestPasswordReset({ email, ip: freshIp() })).toEqual({ ok: true });
      expect(await requestPasswordReset({ email, ip: freshIp() })).toMatchObject({ ok: false, code: "too_many_attempts" });
    }
    expect(await prisma.emailOutbox.count({ where: { to: user.email } })).toBe(6);
  });

  it("throttles one IP asking for many addresses", async () => {
    const ip = freshIp();
    for (let i = 1; i <= 6; i++) await requestPasswordReset({ email: `probe${i}@test.jivapay.dev`, ip });
    expect(await requestPasswordReset({ email: "probe7@test.jivapay.dev", ip })).toMatchObject({ ok: false, code: "too_many_attempts" });
  });
});

describe("resetPassword", () => {
  it("sets the new password once, audited, and the old one stops working", async () => {
    const user = await createUser(prisma, { password: "the old password" });
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    const token = await tokenSentTo(user.email);

    expect(await reset(token)).toEqual({ userId: user.id });
    expect(await authenticate(user.email, NEW_PASSWORD, freshIp())).toMatchObject({ ok: true });
    expect(await authenticate(user.email, "the old password", freshIp())).toMatchObject({ ok: false });
    expect(await prisma.auditLog.count({ where: { action: "password_reset", entityType: "user", entityId: String(user.id), userId: user.id } })).toBe(1);

    await expectInvalidToken(reset(token));
    expect(await peekToken(token, "reset")).toBeNull();
  });

  it("refuses an expired link", async () => {
    const user = await createUser(prisma);
    const requestedAt = new Date();
    await requestPasswordReset({ email: user.email, ip: freshIp(), now: requestedAt });
    const token = await tokenSentTo(user.email);
    await expectInvalidToken(reset(token, new Date(requestedAt.getTime() + 61 * 60_000)));
    expect(await reset(token, new Date(requestedAt.getTime() + 59 * 60_000))).toEqual({ userId: user.id });
  });

  it("refuses unknown, malformed and invitation tokens", async () => {
    await expectInvalidToken(reset("A".repeat(43)));
    await expectInvalidToken(reset("not-a-token"));
    const user = await createUser(prisma, { isActive: false });
    const inviteToken = await prisma.$transaction((tx) => issueToken(tx, { userId: user.id, purpose: "invite", now: new Date() }));
    await expectInvalidToken(reset(inviteToken));
  });

  it("lets only the newest of several links live once one is used", async () => {
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    const first = await tokenSentTo(user.email);
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    const second = await tokenSentTo(user.email);
    expect(second).not.toBe(first);
    await reset(second);
    await expectInvalidToken(reset(first));
  });

  it("refuses the link of a user deactivated since the request", async () => {
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    const token = await tokenSentTo(user.email);
    await prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    await expectInvalidToken(reset(token));
  });

  it("uses a link once even when submitted twice at the same moment", async () => {
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    const token = await tokenSentTo(user.email);
    const results = await Promise.allSettled([reset(token), reset(token), reset(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("the set-password form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it("reports field errors for a short password and a mismatch without touching the token", async () => {
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: freshIp() });
    const token = await tokenSentTo(user.email);
    // What the reset and invitation actions check the form with (lib/web/action.ts turns the issues into field errors).
    const fieldErrors = (fields: Record<string, string>) => newPasswordSchema.safeParse(newPasswordFormInput(form(fields))).error?.flatten().fieldErrors;

    expect(fieldErrors({ token, password: "short", confirmPassword: "short" })).toEqual({ password: ["Use at least 10 characters."] });
    expect(fieldErrors({ token, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` })).toEqual({ confirmPassword: ["The two passwords differ."] });
    expect(fieldErrors({ token, password: "é".repeat(40), confirmPassword: "é".repeat(40) })).toMatchObject({ password: [expect.stringContaining("at most 72")] });
    expect(await peekToken(token, "reset")).not.toBeNull();

    const input = newPasswordSchema.parse(newPasswordFormInput(form({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })));
    await expect(resetPassword(input)).resolves.toMatchObject({ userId: user.id });
    await expect(resetPassword(input)).rejects.toMatchObject({ code: "invalid_token", param: "token", message: expect.stringContaining("invalid, expired or already used") });
  });
});
