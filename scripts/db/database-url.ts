import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, EMBEDDED_DB_NAME } from "./embedded";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Where the embedded cluster keeps its files; JIVAPAY_DATA_DIR moves it (the e2e suite uses its own). */
export function embeddedDataDir(): string {
  return path.resolve(ROOT, process.env.JIVAPAY_DATA_DIR ?? ".data", "postgres");
}

export function embeddedPort(): number {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`EMBEDDED_DB_PORT must be a port number, got ${process.env.EMBEDDED_DB_PORT}`);
  return port;
}

function embeddedUrl(port = embeddedPort()): string {
  return `postgresql://${EMBEDDED_DB_NAME}:${EMBEDDED_DB_NAME}@127.0.0.1:${port}/${EMBEDDED_DB_NAME}`;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface ResolvedDatabase {
  url: string;
  /** True when this process started the embedded server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/, started here unless
 * another `npm start` already runs it.
 */
export async function resolveDatabase(options: { quiet?: boolean } = {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const url = embeddedUrl();
  if (await answers(url)) return { url, embedded: false, stop: async () => {} };
  const db = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), port: embeddedPort(), quiet: options.quiet });
  return { url: db.url, embedded: true, stop: db.stop };
}

/** Runs `fn` against the resolved database and stops an embedded server it had to start. */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const db = await resolveDatabase();
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}
