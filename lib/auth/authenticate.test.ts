import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createUser } from "@/lib/testing";
import { authenticate } from "./authenticate";
import { lockedForSeconds, throttleKeys } from "./login-throttle";

const PASSWORD = "correct horse battery staple";
let ipSequence = 0;
const freshIp = () => `198.51.100.${++ipSequence}`;

describe("authenticate", () => {
  it("accepts the right password, whatever the email's case and spacing", async () => {
    const user = await createUser(prisma, { role: "trader", password: PASSWORD });
    const result = await authenticate(`  ${user.email.toUpperCase()} `, PASSWORD, freshIp());
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, role: "trader", name: user.name } });
    const reloaded = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(reloaded.lastLoginAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password, an unknown email and an inactive user", async () => {
    const active = await createUser(prisma, { password: PASSWORD });
    const inactive = await createUser(prisma, { password: PASSWORD, isActive: false });
    const wrongPassword = await authenticate(active.email, "not the password", freshIp());
    const unknownEmail = await authenticate("nobody-here@test.jivapay.dev", PASSWORD, freshIp());
    const inactiveUser = await authenticate(inactive.email, PASSWORD, freshIp());
    const expected = { ok: false, code: "invalid_credentials" };
    expect(wrongPassword).toEqual(expected);
    expect(unknownEmail).toEqual(expected);
    expect(inactiveUser).toEqual(expected);
    const reloaded = await prisma.user.findUniqueOrThrow({ where: { id: inactive.id } });
    expect(reloaded.lastLoginAt).toBeNull();
  });

  it("locks an email out after repeated failures, even for the right password, until the lock expires", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    // Each attempt from a new IP: the lock follows the email, not the address.
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await authenticate(user.email, `wrong-${attempt}`, freshIp())).toEqual({ ok: false, code: "invalid_credentials" });
    }
    const locked = await authenticate(user.email, PASSWORD, freshIp());
    expect(locked).toMatchObject({ ok: false, code: "too_many_attempts" });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(0);

    const keys = throttleKeys(user.email, null);
    expect(await lockedForSeconds(keys)).toBeGreaterThan(0);
    expect(await lockedForSeconds(keys, new Date(Date.now() + 16 * 60_000))).toBe(0);
  });

  it("keeps counting failures for unknown emails, so a lockout reveals nothing", async () => {
    const email = "ghost@test.jivapay.dev";
    for (let attempt = 1; attempt <= 6; attempt++) await authenticate(email, "guess", freshIp());
    expect(await authenticate(email, "guess", freshIp())).toMatchObject({ ok: false, code: "too_many_attempts" });
  });

  it("slows down one IP trying many emails", async () => {
    const ip = freshIp();
    const users = await Promise.all(Array.from({ length: 7 }, () => createUser(prisma, { password: PASSWORD })));
    for (const user of users.slice(0, 6)) expect(await authenticate(user.email, "wrong", ip)).toMatchObject({ code: "invalid_credentials" });
    expect(await authenticate(users[6].email, PASSWORD, ip)).toMatchObject({ ok: false, code: "too_many_attempts" });
    expect(await authenticate(users[6].email, PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    for (let attempt = 1; attempt <= 5; attempt++) await authenticate(user.email, "wrong", freshIp());
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    expect(await authenticate(user.email, "wrong again", freshIp())).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
  });
});
