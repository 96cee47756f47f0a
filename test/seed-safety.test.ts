import { afterAll, describe, expect, inject, it } from "vitest";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { createUser } from "@/lib/testing";
import { SeedRefusedError, seedDemoData } from "@/prisma/seed";
import { createDatabase, dropDatabase } from "./database";
import { connectPrisma } from "./prisma";
import { runSeedCli } from "./seed-cli";
import { databaseFingerprint } from "./snapshot";

const adminUrl = inject("adminDatabaseUrl");

describe("demo seed on a database it did not create", () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const name of databases) await dropDatabase(adminUrl, name);
  });

  it("refuses, exits non-zero and touches nothing", async () => {
    const database = await createDatabase(adminUrl);
    databases.push(database.name);
    const foreign = connectPrisma(database.url);
    try {
      await createUser(foreign, { email: "someone@example.com", role: "admin" });
      await foreign.configurationSetting.create({ data: { key: "order.payment_ttl_seconds", value: 60 } });
      const before = await databaseFingerprint(foreign);

      const run = await runSeedCli(database.url);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("Seed refused");
      expect(run.stderr).toContain("not created by the demo seed");
      await expect(seedDemoData(foreign)).rejects.toBeInstanceOf(SeedRefusedError);

      expect(await databaseFingerprint(foreign)).toEqual(before);
    } finally {
      await foreign.$disconnect();
    }
  }, 120_000);

  it("refuses an unmigrated database with a hint", async () => {
    const database = await createDatabase(adminUrl, { empty: true });
    databases.push(database.name);
    const run = await runSeedCli(database.url);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("npm run db:migrate");
  }, 60_000);

  it("two seeds started together fill an empty database once", async () => {
    const database = await createDatabase(adminUrl);
    databases.push(database.name);
    const [a, b] = [connectPrisma(database.url), connectPrisma(database.url)];
    try {
      const results = await Promise.all([seedDemoData(a), seedDemoData(b)]);
      expect(results.map((r) => r.mode).sort()).toEqual(["fresh", "reseed"]);
      expect(await a.user.count({ where: { email: "admin@jivapay.dev" } })).toBe(1);
      expect(await checkLedger(a)).toEqual([]);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  }, 120_000);
});
