import crypto from "node:crypto";
import pg from "pg";

/** Migrated, empty database that every test database is cloned from (test/global-setup.ts). */
export const TEMPLATE_DATABASE = "jivapay_test_template";

/** `url` with its database name replaced by `database`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function withClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database with a unique name — a copy of the migrated template, or empty with
 * `{ empty: true }` — and returns its URL.
 */
export async function createDatabase(
  adminUrl: string,
  options: { empty?: boolean; name?: string } = {},
): Promise<{ name: string; url: string }> {
  const name = options.name ?? `jivapay_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  // FILE_COPY clones the template's files instead of WAL-logging every block: much faster here.
  const sql = options.empty ? `CREATE DATABASE ${quote(name)}` : `CREATE DATABASE ${quote(name)} TEMPLATE ${quote(TEMPLATE_DATABASE)} STRATEGY = FILE_COPY`;
  await withClient(adminUrl, (client) => client.query(sql));
  return { name, url: databaseUrl(adminUrl, name) };
}

/** Drops a database, closing whatever connections are still open to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}
