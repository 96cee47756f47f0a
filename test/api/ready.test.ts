// GET /api/ready: 200 when the database answers and every shipped migration is applied, 503
// naming the pending ones otherwise (this file's own database; see ready-unreachable.test.ts
// for a database that does not answer).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkReadiness, MIGRATIONS_DIR, shippedMigrations } from "@/lib/db/readiness";
import { readinessResponse } from "@/lib/api/readiness-route";
import { GET } from "@/app/api/ready/route";

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "jivapay-ready-"));

afterAll(() => {
  fs.rmSync(temp, { recursive: true, force: true });
});

/** A copy of the shipped migration folders' names (folders only), plus `extra`. */
function migrationsFolder(extra: string[]): string {
  const dir = fs.mkdtempSync(path.join(temp, "migrations-"));
  for (const name of [...shippedMigrations()!, ...extra]) fs.mkdirSync(path.join(dir, name));
  return dir;
}

describe("GET /api/ready", () => {
  it("reads the migrations beside the app", () => {
    expect(MIGRATIONS_DIR).toBe(path.join(process.cwd(), "prisma", "migrations"));
    expect(shippedMigrations()!.length).toBeGreaterThan(5);
  });

  it("answers 200 when the database answers and its migrations are current", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("request-id")).toBeTruthy();
    expect(await response.json()).toEqual({ status: "ready", db: "ok", migrations: "current" });
  });

  it("answers 503 naming a migration the app ships but the database lacks", async () => {
    const dir = migrationsFolder(["29991231000000_not_applied_yet"]);
    const response = await readinessResponse({ migrationsDir: dir });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", db: "ok", migrations: "pending", pending_count: 1, pending: ["29991231000000_not_applied_yet"] });
  });

  it("counts a migration rolled back or never finished as pending", async () => {
    const [latest] = shippedMigrations()!.slice(-1);
    await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${latest}`;
    try {
      expect(await checkReadiness()).toEqual({ ready: false, database: "ok", pendingMigrations: [latest] });
    } finally {
      await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${latest}`;
    }
    expect(await checkReadiness()).toEqual({ ready: true, pendingMigrations: [] });
  });

  it("answers 503 when the migrations folder was not shipped", async () => {
    const response = await readinessResponse({ migrationsDir: path.join(temp, "missing") });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", db: "ok", migrations: "folder_missing" });
  });
});
