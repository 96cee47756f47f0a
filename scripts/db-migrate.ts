// npm run db:migrate                 apply pending migrations
// npm run db:migrate:create -- name  write a new migration from the schema diff (and apply it)
import { applyMigrations, diffDatabaseToSchema, writeMigration} from "./db/migrate-engine";
import { withDatabase } from "./db/database-url";

const [command, ...rest] = process.argv.slice(2);

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  if (command !== "create") return;

  const name = rest.join("_");
  if (!name) throw new Error("Usage: npm run db:migrate:create -- <name>");
  const sql = await diffDatabaseToSchema(url);
  const dir = writeMigration(name, sql);
  if (!dir) return console.log("The schema matches the database: no migration written.");
  console.log(`Created ${dir}`);
  console.log(`Applied: ${(await applyMigrations(url)).join(", ")}`);
});
