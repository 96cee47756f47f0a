import "server-only";
import fs from "node:fs";
import path from "node:path";
import { prisma } from "./client";

/** Where the migrations are: prisma/migrations beside the running app (the packaging ships it there). */
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type Readiness =
  | { ready: true; pendingMigrations: [] }
  | { ready: false; database: "unreachable" }
  | { ready: false; database: "ok"; pendingMigrations: string[] }
  | { ready: false; database: "ok"; migrations: "folder_missing" };

/** The migration folders shipped with the app, by name (the name Prisma records when it applies one). */
export function shippedMigrations(dir: string = MIGRATIONS_DIR): string[] | null {
  // turbopackIgnore: a folder read at run time, not a file for the build to trace (the
  // packaging ships prisma/migrations beside the server; tracing would pull in the whole repo).
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return null;
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Whether this instance should take traffic: the database answers within `timeoutMs`, and every
 * migration folder shipped with the app is recorded as applied (finished, not rolled back) in
 * `_prisma_migrations` — an app newer than its schema would fail on its first query of a new
 * column. Never throws.
 */
export async function checkReadiness(options: { migrationsDir?: string; timeoutMs?: number } = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  const applied = prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
    .then((rows) => new Set(rows.map((row) => row.migration_name)))
    // The database answers but has never been migrated: every migration is pending.
    .catch(async (error: unknown) => ((await databaseAnswersQuickly()) ? new Set<string>() : Promise.reject(error)))
    .catch(() => null);
  const names = await Promise.race([applied, timeout]).finally(() => clearTimeout(timer));
  if (names === null) return { ready: false, database: "unreachable" };

  const shipped = shippedMigrations(options.migrationsDir);
  if (shipped === null) return { ready: false, database: "ok", migrations: "folder_missing" };
  const pending = shipped.filter((name) => !names.has(name));
  return pending.length ? { ready: false, database: "ok", pendingMigrations: pending } : { ready: true, pendingMigrations: [] };
}

async function databaseAnswersQuickly(): Promise<boolean> {
  return prisma.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
}
