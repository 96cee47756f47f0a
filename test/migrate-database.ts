// `tsx test/migrate-database.ts <url>`: applies prisma/migrations to <url> and exits.
// The global setup runs this in a child process because the wasm schema engine and its pg
// pool leave ~10 s of timers behind, which would keep the vitest process from exiting.
import { applyMigrations } from "../scripts/db/migrate-engine";

const url = process.argv[2];
if (!url) {
  console.error("Usage: tsx test/migrate-database.ts <database url>");
  process.exit(2);
}
try {
  const applied = await applyMigrations(url);
  process.stdout.write(JSON.stringify(applied));
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
