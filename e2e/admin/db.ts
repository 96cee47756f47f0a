// Direct database access for the admin specs: they check what the UI changed (and restore what
// they changed) in the run's own embedded PostgreSQL, which playwright.config.ts starts.
import pg from "pg";
import { currentRun } from "../helpers/run";

/** The run's database: its embedded server (user, password and database are all `jivapay`), or E2E_DATABASE_URL. */
export function databaseUrl(): string {
  return process.env.E2E_DATABASE_URL ?? `postgresql://jivapay:jivapay@127.0.0.1:${currentRun().dbPort}/jivapay`;
}

/** Runs `fn` with a connection that is closed afterwards. */
export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One row of a query, or undefined. */
export async function queryOne<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  return withDb(async (db) => (await db.query<T>(sql, params)).rows[0]);
}
