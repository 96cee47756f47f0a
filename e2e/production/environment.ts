// What the production specs share with their config (playwright.production.config.ts).
import pg from "pg";

/** The empty database of Debian's PostgreSQL that the production server runs on. */
export function productionDatabaseUrl(): string {
  const url = process.env.PRODUCTION_E2E_DATABASE_URL;
  if (!url) {
    throw new Error(
      "PRODUCTION_E2E_DATABASE_URL is not set: these specs run on an empty database of Debian's PostgreSQL, " +
        "which `npm test -- debian` starts and creates (apt-get install postgresql first).",
    );
  }
  return url;
}

/** METRICS_TOKEN of the server under test. */
export const PRODUCTION_METRICS_TOKEN = "production-e2e-metrics-token-0123456789";

/** Runs `fn` with a connection to the production database, closed afterwards. */
export async function withProductionDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: productionDatabaseUrl() });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}
