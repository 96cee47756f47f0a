import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type { Prisma } from "@/lib/generated/prisma/client";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database).");
  // The pool is ours (the adapter would make the same one) so the metrics can read how many
  // connections are busy; the adapter still ends it when the client disconnects.
  const pool = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  globalForPrisma.jivapayPool = pool;
  // The adapter passes the name to pg as is; undefined (typed as string there) is an unnamed statement.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: preparedStatementName as (query: { sql: string }) => string });
  return new PrismaClient({ adapter });
}

/** Distinct statements a process keeps prepared on each connection, at most. */
const MAX_PREPARED = 500;
// On globalThis, like the client itself: the bound is per process, not per route bundle.
const preparedNames: Map<string, string> = ((globalThis as { jivapayPreparedNames?: Map<string, string> }).jivapayPreparedNames ??= new Map());

/**
 * Statements are prepared once per connection and then only bound and executed: PostgreSQL
 * parses and plans each of them once, not on every execution. Planning the pay-in's few big
 * statements (the requisite selection joins seven tables) cost PostgreSQL more CPU than running
 * them: in `npm run bench`, pay-ins 91 → 131 req/s, p99 508 → 364 ms. Up to MAX_PREPARED
 * distinct texts per process (each connection holds what it ran of them until it closes);
 * texts beyond that, e.g. lists of ever new lengths, run unprepared as before. A migration that
 * changes a table's columns needs the app restarted (as any deploy does): a prepared statement
 * whose result type changed fails until its connection is renewed.
 */
function preparedStatementName(query: { sql: string }): string | undefined {
  const known = preparedNames.get(query.sql);
  if (known || preparedNames.size >= MAX_PREPARED) return known;
  const name = `jp_${createHash("sha1").update(query.sql).digest("base64url").slice(0, 22)}`;
  preparedNames.set(query.sql, name);
  return name;
}

// One client per process; kept on globalThis so dev-mode reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { jivapayPrisma?: PrismaClient; jivapayPool?: pg.Pool };

/** The shared client's connection pool right now (zeros before the first query opens it). */
export function databasePoolStats(): { total: number; idle: number; waiting: number } {
  const pool = globalForPrisma.jivapayPrisma ? globalForPrisma.jivapayPool : undefined;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

function client(): PrismaClient {
  globalForPrisma.jivapayPrisma ??= createClient();
  return globalForPrisma.jivapayPrisma;
}

/**
 * The shared client, created on first use rather than on import: `next build` imports every
 * route's modules to collect page data, and that must not need a database.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
