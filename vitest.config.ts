import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next.js makes `server-only` throw outside server components; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, "test/server-only.ts") },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**", ".data/**", ".tmp/**"],
    // One throwaway PostgreSQL for the run, a migrated template database in it…
    globalSetup: ["test/global-setup.ts"],
    // …and a fresh copy of the template for every test file, set as DATABASE_URL before the
    // file (and so lib/db/client) is imported.
    setupFiles: ["test/setup-database.ts"],
    pool: "forks",
    isolate: true,
    // Test files mostly wait on PostgreSQL, so one more worker than cores keeps a 2-core machine busy.
    maxWorkers: Math.max(3, os.availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
