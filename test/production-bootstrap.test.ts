// An operator's database (DATABASE_URL): `npm start` writes reference data and settings only
// (scripts/db/prepare-database.ts), the demo seed needs --demo, a demo database is refused, and
// the first admin comes from `npm run admin:create` (lib/users/bootstrap-admin.ts) with a
// one-time link or a typed password — never a default.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/auth/accept-invitation";
import { authenticate } from "@/lib/auth/authenticate";
import { effectivePermissions } from "@/lib/auth/permissions";
import { SETTINGS } from "@/lib/settings/definitions";
import { expectDomainError } from "@/lib/testing/assertions";
import { bootstrapAdmin } from "@/lib/users/bootstrap-admin";
import { DEMO_SEED_MARKER } from "@/prisma/seed";
import { DEMO_LOGINS } from "@/prisma/demo-logins";
import { createMerchantApiKey, createStore } from "@/lib/testing";
import { DemoDatabaseError, prepareProductionDatabase } from "@/scripts/db/prepare-database";
import { createDatabase, dropDatabase } from "./database";
import { connectPrisma } from "./prisma";
import { runSeedCli } from "./seed-cli";
import { databaseFingerprint } from "./snapshot";

const ROOT = path.resolve(import.meta.dirname, "..");
const adminUrl = inject("adminDatabaseUrl");
const url = () => process.env.DATABASE_URL!;

function adminCreate(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [tsx, "--conditions=react-server", "scripts/admin-create.ts", ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url(), NEXTAUTH_URL: "https://pay.example.com" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? "");
  });
}

describe("npm start on an operator's database", () => {
  it("writes reference data and every default setting, no users, keys or demo settings; a second start writes nothing", async () => {
    const first = await prepareProductionDatabase(url());
    expect(first.created).toBeGreaterThan(Object.keys(SETTINGS).length);
    expect(first.activeAdmins).toBe(0);
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.merchantApiKey.count()).toBe(0);
    expect(await prisma.traderApiToken.count()).toBe(0);
    expect(await prisma.configurationSetting.findUnique({ where: { key: DEMO_SEED_MARKER } })).toBeNull();
    const allowed = await prisma.configurationSetting.findUniqueOrThrow({ where: { key: "callbacks.allowed_private_hosts" } });
    expect(allowed.value).toEqual([]); // no loopback callbacks outside the demo
    expect(await prisma.currency.count()).toBe(2);
    expect(await prisma.role.count()).toBe(5);

    const before = await databaseFingerprint(prisma);
    expect((await prepareProductionDatabase(url())).created).toBe(0);
    expect(await databaseFingerprint(prisma)).toEqual(before);
  });

  it("the demo seed refuses DATABASE_URL without --demo and changes nothing", async () => {
    const before = await databaseFingerprint(prisma);
    const run = await runSeedCli(url(), { demo: false });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--demo");
    expect(await databaseFingerprint(prisma)).toEqual(before);
  }, 60_000);
});

describe("a database holding the demo data", () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const name of databases) await dropDatabase(adminUrl, name);
  });

  it("is refused as a production database", async () => {
    const database = await createDatabase(adminUrl);
    databases.push(database.name);
    const demo = connectPrisma(database.url);
    try {
      await demo.configurationSetting.create({ data: { key: DEMO_SEED_MARKER, value: true } });
      await expect(prepareProductionDatabase(database.url)).rejects.toBeInstanceOf(DemoDatabaseError);
      expect(await demo.currency.count()).toBe(0); // refused before writing anything
    } finally {
      await demo.$disconnect();
    }
  });

  it("is refused when a published demo key is there, even without the seed's marker", async () => {
    for (const key of [DEMO_LOGINS.merchantApiKey, DEMO_LOGINS.merchantSandboxApiKey]) {
      const database = await createDatabase(adminUrl);
      databases.push(database.name);
      const demo = connectPrisma(database.url);
      try {
        const store = await createStore(demo, { isSandbox: key.startsWith("jp_sandbox_") });
        await createMerchantApiKey(demo, { storeId: store.id, key });
        await expect(prepareProductionDatabase(database.url)).rejects.toBeInstanceOf(DemoDatabaseError);
      } finally {
        await demo.$disconnect();
      }
    }
  }, 60_000);
});

describe("the first admin (npm run admin:create)", () => {
  it("without a password: an inactive admin with every permission and a one-time link that activates it", async () => {
    await prepareProductionDatabase(url());
    const result = await bootstrapAdmin({ email: "Ops@Example.com", name: "Olga Operator" });
    if (result.kind !== "link") throw new Error("expected a link");
    expect(result.email).toBe("ops@example.com");

    const user = await prisma.user.findUniqueOrThrow({ where: { id: result.userId }, include: { role: true, admin: true } });
    expect(user).toMatchObject({ isActive: false, role: { name: "admin" } });
    expect(Object.values(effectivePermissions("admin", user.admin!.grantedPermissions)).every(Boolean)).toBe(true);
    expect((await authenticate("ops@example.com", "anything-at-all", "192.0.2.1")).ok).toBe(false);
    // Only the token's hash is stored.
    const token = await prisma.authToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(token.tokenHash).not.toContain(result.token);

    const password = "a-long-operator-password";
    await acceptInvitation({ token: result.token, password, confirmPassword: password });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).isActive).toBe(true);
    expect((await authenticate("ops@example.com", password, "192.0.2.1")).ok).toBe(true);
    await expectDomainError(acceptInvitation({ token: result.token, password, confirmPassword: password }), "invalid_token");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "admin_bootstrapped", entityId: String(user.id) } });
    expect(audit.actorType).toBe("system");
    expect(JSON.stringify(audit.newValues)).not.toContain(result.token);
  });

  it("with a typed password: active at once; an email that has an account and a weak password are refused", async () => {
    const result = await bootstrapAdmin({ email: "second@example.com", password: "another-long-password" });
    expect(result.kind).toBe("password");
    expect((await authenticate("second@example.com", "another-long-password", "192.0.2.2")).ok).toBe(true);

    const users = await prisma.user.count();
    await expectDomainError(bootstrapAdmin({ email: "second@example.com" }), "email_taken");
    await expect(bootstrapAdmin({ email: "third@example.com", password: "short" })).rejects.toThrow(/at least 10 characters/);
    expect(await prisma.user.count()).toBe(users);
  });

  it("the command prints the link for NEXTAUTH_URL, reads a piped password, and exits 1 on a taken email", async () => {
    const link = await adminCreate(["--email", "cli@example.com"]);
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/https:\/\/pay\.example\.com\/invite\?token=[A-Za-z0-9_-]{43}/);

    const typed = await adminCreate(["--email", "typed@example.com", "--password"], "typed-long-password\n");
    expect(typed.code, typed.stderr).toBe(0);
    expect(typed.stdout).not.toContain("typed-long-password");
    expect((await authenticate("typed@example.com", "typed-long-password", "192.0.2.3")).ok).toBe(true);

    const taken = await adminCreate(["--email", "cli@example.com"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("already has an account");
    expect((await adminCreate([])).code).toBe(2);
  }, 120_000);
});
