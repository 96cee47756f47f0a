import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";

/** What every factory takes first: the Prisma client or a transaction of it. */
export type Db = PrismaClient | Tx;

/**
 * Runs `fn` in a transaction: a new one when `db` is the client, the caller's when `db` is
 * already a transaction (so factories compose inside a test's or the seed's transaction).
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isClient(db)) return db.$transaction(fn, { maxWait: 10_000, timeout: 60_000 });
  return fn(db);
}

// A transaction client lacks $disconnect (it does have $transaction: Prisma 7 would nest one).
function isClient(db: Db): db is PrismaClient {
  return typeof (db as Partial<PrismaClient>).$disconnect === "function";
}
