import { defineConfig } from "prisma/config";

// Used by `prisma generate` (and by `prisma migrate deploy` where native engines exist).
// Migrations on these machines run through scripts/db-migrate.ts with the wasm engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://jivapay:jivapay@127.0.0.1:54329/jivapay" },
});
