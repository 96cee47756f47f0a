import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createUser } from "@/lib/testing";
import { authenticate } from "./authenticate";
import { EMAIL_POLICY, PAIR_POLICY, lockedForSeconds, signInKeys } from "./login-throttle";

const PASSWORD = "correct horse battery staple";
let ipSequence = 0;
const freshIp = () => `198.51.100.${++ipSequence}`;

describe("authenticate", () => {
  it("accepts the right password, whatever the email's case and spacing", async () => {
    const user = await createUser(prisma, { role: "trader", password: PASSWORD });
    const result = await authenticate(`  ${user.email.toUpperCase()} `, PASSWORD, freshIp());
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, role: "trader", name: user.name, sessionVersion: 0, mfa: null } });
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

  it("locks an email out from that IP after repeated failures, even for the right password, until the lock expires", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const ip = freshIp();
    for (let attempt = 1; attempt <= PAIR_POLICY.free + 1; attempt++) {
      expect(await authenticate(user.email, `wrong-${attempt}`, ip)).toEqual({ ok: false, code: "invalid_credentials" });
    }
    const locked = await authenticate(user.email, PASSWORD, ip);
    expect(locked).toMatchObject({ ok: false, code: "too_many_attempts" });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(0);

    const keys = [signInKeys(user.email, ip).pair];
    expect(await lockedForSeconds(keys)).toBeGreaterThan(0);
    expect(await lockedForSeconds(keys, new Date(Date.now() + 16 * 60_000))).toBe(0);
    // Only that address is held back: the owner elsewhere signs in.
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
  });

  it("a stranger's failures from other IPs do not stop the owner, even once the email is under attack", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const ownerIp = freshIp();
    // Enough failures from many addresses to put the email under its global limit.
    const strangers = Array.from({ length: 5 }, () => freshIp());
    for (let attempt = 0; attempt < EMAIL_POLICY.free + 2; attempt++) {
      const result = await authenticate(user.email, `guess-${attempt}`, strangers[attempt % strangers.length]);
      expect(result.ok).toBe(false);
    }
    expect(await lockedForSeconds([signInKeys(user.email, null).email])).toBeGreaterThan(0);
    // A stranger's address that has already failed is refused without its password being checked …
    expect(await authenticate(user.email, PASSWORD, strangers[0])).toMatchObject({ ok: false, code: "too_many_attempts" });
    // … while the owner, from an address with no recent failures, gets in.
    expect(await authenticate(user.email, PASSWORD, ownerIp)).toMatchObject({ ok: true });
    // A new address is heard once; its wrong guess marks it, and it is refused from then on.
    const newcomer = freshIp();
    expect(await authenticate(user.email, "one more guess", newcomer)).toEqual({ ok: false, code: "invalid_credentials" });
    expect(await authenticate(user.email, PASSWORD, newcomer)).toMatchObject({ ok: false, code: "too_many_attempts" });
  });

  it("keeps counting failures for unknown emails, so a lockout reveals nothing", async () => {
    const email = "ghost@test.jivapay.dev";
    const ip = freshIp();
    for (let attempt = 1; attempt <= PAIR_POLICY.free + 1; attempt++) await authenticate(email, "guess", ip);
    expect(await authenticate(email, "guess", ip)).toMatchObject({ ok: false, code: "too_many_attempts" });
  });

  it("evaluates at most the free attempts of 20 parallel wrong guesses for one email and IP; the rest are refused", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(user.email, `parallel-${i}`, ip)));
    const evaluated = results.filter((r) => r.ok === false && r.code === "invalid_credentials").length;
    const refused = results.filter((r) => r.ok === false && r.code === "too_many_attempts").length;
    expect(evaluated + refused).toBe(20);
    expect(evaluated).toBeLessThanOrEqual(PAIR_POLICY.free + 1);
    expect(evaluated).toBeGreaterThan(0);
    // The database agrees: the (email, IP) counter holds exactly the attempts that were checked.
    const row = await prisma.loginAttempt.findUniqueOrThrow({ where: { key: signInKeys(user.email, ip).pair } });
    expect(row.failures).toBe(evaluated);
    // And the right password from that address is refused now too.
    expect(await authenticate(user.email, PASSWORD, ip)).toMatchObject({ ok: false, code: "too_many_attempts" });
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
