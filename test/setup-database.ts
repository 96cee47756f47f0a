import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "./database";

// Runs before each test file is imported: the file gets its own copy of the migrated template,
// and every module that reads DATABASE_URL at import (lib/db/client) sees it.
const adminUrl = inject("adminDatabaseUrl");
const database = await createDatabase(adminUrl);
process.env.DATABASE_URL = database.url;
// Receipt files (lib/files, fs driver) go to a folder of this file's own, removed after it.
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "jivapay-files-"));
process.env.FILE_STORAGE_DIR = filesDir;

afterAll(async () => {
  // lib/db/client keeps its client on globalThis; close it so the next file in this worker
  // (if the worker is reused) opens a new one to its own database.
  const holder = globalThis as { jivapayPrisma?: { $disconnect(): Promise<void> } };
  await holder.jivapayPrisma?.$disconnect().catch(() => {});
  delete holder.jivapayPrisma;
  await dropDatabase(adminUrl, database.name);
  fs.rmSync(filesDir, { recursive: true, force: true });
});
