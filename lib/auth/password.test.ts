import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createUser } from "@/lib/testing";
import { createSemaphore, SemaphoreFullError } from "@/lib/concurrency/semaphore";
import { authenticate } from "./authenticate";
import { hashPassword, needsRehash, passwordHashSlots, PASSWORD_HASH_CONCURRENCY, verifyPassword } from "./password";

const PASSWORD = "correct horse battery staple";
let ipSequence = 0;
const freshIp = () => `198.51.100.${100 + ++ipSequence}`;

describe("password hashing", () => {
  it("hashes with argon2id and verifies the round trip; a wrong password is refused", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword("not the password", hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, null)).toBe(false);
    expect(await verifyPassword(PASSWORD, "$argon2id$garbage")).toBe(false);
  });

  it("still accepts bcrypt hashes from before the switch, and says they need rehashing", async () => {
    const legacy = await bcrypt.hash(PASSWORD, 4);
    expect(needsRehash(legacy)).toBe(true);
    expect(await verifyPassword(PASSWORD, legacy)).toBe(true);
    expect(await verifyPassword("not the password", legacy)).toBe(false);
  });

  it("upgrades a bcrypt hash to argon2id at the next sign-in; a wrong password leaves it alone", async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const legacy = await bcrypt.hash(PASSWORD, 4);
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: legacy } });

    expect(await authenticate(user.email, "wrong password", freshIp())).toEqual({ ok: false, code: "invalid_credentials" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(legacy);

    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    const upgraded = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    expect(upgraded).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(PASSWORD, upgraded)).toBe(true);
    // And the next sign-in works with the new hash and leaves it as it is.
    expect(await authenticate(user.email, PASSWORD, freshIp())).toMatchObject({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(upgraded);
  });

  it(`never runs more than ${PASSWORD_HASH_CONCURRENCY} verifications at once: 20 in parallel queue for the slots`, async () => {
    const hash = await hashPassword(PASSWORD);
    passwordHashSlots.resetPeak();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyPassword(i % 2 ? PASSWORD : "wrong", hash)));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(passwordHashSlots.peak).toBeLessThanOrEqual(PASSWORD_HASH_CONCURRENCY);
    expect(passwordHashSlots.peak).toBeGreaterThan(0);
    expect(passwordHashSlots.active).toBe(0);
  });
});

describe("createSemaphore", () => {
  it("holds the cap, serves waiters in order and refuses beyond the queue bound", async () => {
    const semaphore = createSemaphore("test", 3, 20);
    let running = 0;
    let maxRunning = 0;
    const started: number[] = [];
    const gates: Array<() => void> = [];
    const tasks = Array.from({ length: 20 }, (_, i) =>
      semaphore.run(async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        started.push(i);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return i;
      }),
    );
    // 3 running, 17 waiting; the 21st and 22nd waiter would still fit (bound 20), the 24th not.
    const extra = [semaphore.run(async () => -1), semaphore.run(async () => -2), semaphore.run(async () => -3)];
    await expect(semaphore.run(async () => -4)).rejects.toBeInstanceOf(SemaphoreFullError);
    // Let the tasks end one by one, whichever started.
    while (started.length < 20 || gates.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await Promise.all(extra)).toEqual([-1, -2, -3]);
    expect(maxRunning).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(semaphore.active).toBe(0);
  });

  it("releases the slot when a task throws", async () => {
    const semaphore = createSemaphore("test", 1);
    await expect(semaphore.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await semaphore.run(async () => "next")).toBe("next");
  });
});
