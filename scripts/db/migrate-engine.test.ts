import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "@/test/database";
import { applyMigrations, diffDatabaseToSchema, MIGRATIONS_DIR } from "./migrate-engine";

const adminUrl = inject("adminDatabaseUrl");
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

const migrationNames = () =>
  fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("offline migrations (wasm schema engine)", () => {
  it("apply every migration to an empty database, and applying again is a no-op", async () => {
    const database = await createDatabase(adminUrl, { empty: true });
    created.push(database.name);

    expect(await applyMigrations(database.url)).toEqual(migrationNames());
    const recorded = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      database.url,
      `SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames());
    expect(recorded.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

    expect(await applyMigrations(database.url)).toEqual([]);
    expect(await query(database.url, `SELECT count(*)::int AS n FROM _prisma_migrations`)).toEqual([{ n: migrationNames().length }]);
  }, 60_000);

  it("leave no difference between the migrated database and prisma/schema.prisma", async () => {
    const diff = await diffDatabaseToSchema(process.env.DATABASE_URL!);
    const statements = diff
      .split("\n")
      .filter((line) => line.trim() && !line.trim().startsWith("--"))
      .join("\n");
    expect(statements).toBe("");
  }, 60_000);

  it("the test template already has every migration", async () => {
    expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  }, 60_000);
});
