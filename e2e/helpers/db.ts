// The run's database for the specs (the app's own embedded PostgreSQL, which playwright.config.ts
// starts): checking what the UI changed, restoring it, and making users and data of a spec's
// own. What only one role's specs need stays in that role's folder and builds on these.
import crypto from "node:crypto";
import pg from "pg";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { cabinet, type Role } from "./cabinets";
import { currentRun } from "./run";

/** The seeded demo store's gateway API key. */
export const DEMO_MERCHANT_KEY = DEMO_LOGINS.merchantApiKey;

/** A name no other spec (or earlier run) uses: the prefix, the time and random hex. */
export const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}`;

/** The run's database: its embedded server (user, password and database are all `jivapay`), or E2E_DATABASE_URL. */
export function databaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? `postgresql://jivapay:jivapay@127.0.0.1:${currentRun().dbPort}/jivapay`;
}

/** A client for the run's database, not yet connected: the caller connects and ends it. */
export function openDb(): pg.Client {
  return new pg.Client({ connectionString: databaseUrl() });
}

/** Runs `fn` with a connection that is closed afterwards. */
export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = openDb();
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** One row of a query, or undefined. */
export async function queryOne<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return withDb(async (db) => (await db.query<T>(sql, params)).rows[0]);
}

/**
 * A user of the spec's own in `role`, who signs in with the demo password (hash and role are
 * copied from that role's demo user). A spec that changes per-user state — the cabinet language
 * is remembered on the profile — must not change it for the demo users that parallel specs share.
 * The role's profile row (trader, teamleads, …) is the caller's to insert.
 */
export async function createUserLike(db: pg.Client, role: Role, name: string): Promise<{ email: string; userId: number }> {
  const email = `${uniqueId(`e2e-${role}`)}@test.jivapay.dev`.toLowerCase();
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (email, password_hash, role_id, name, updated_at)
     SELECT $1, password_hash, role_id, $2, now() FROM users WHERE email = $3
     RETURNING id`,
    [email, name, cabinet(role).email],
  );
  if (!rows[0]) throw new Error(`No demo ${role} to copy the password from: is the database seeded?`);
  return { email, userId: rows[0].id };
}
