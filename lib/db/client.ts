import "server-only";
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
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
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
