import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "./database";

// Runs before each test file is imported: the file gets its own copy of the migrated template,
// and every module that reads DATABASE_URL at import (lib/db/client) sees it.
const adminUrl = inject("adminDatabaseUrl");
const database = await createDatabase(adminUrl);
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  // lib/db/client keeps its client on globalThis; close it so the next file in this worker
  // (if the worker is reused) opens a new one to its own database.
  const holder = globalThis as { jivapayPrisma?: { $disconnect(): Promise<void> } };
  await holder.jivapayPrisma?.$disconnect().catch(() => {});
  delete holder.jivapayPrisma;
  await dropDatabase(adminUrl, database.name);
});
