import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { formatReport } from "./format-report";
import { runSimulation } from "./run-simulation";

// The short run of the seeded adversarial simulator (the long one is `npm run simulate`).
// Each seed starts from an empty database, as `npm run simulate -- --seed N --ops 300` does, so
// a violation here names the seed and step that reproduce it there.
const SEEDS = [1, 2, 3];
const OPS = 200;

/** This file's database as freshly migrated (no migration inserts rows), ids restarting at 1. */
async function emptyDatabase() {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

describe("adversarial simulator", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${OPS} ops keep every invariant`, async () => {
      await emptyDatabase();
      const report = await runSimulation({ seed, ops: OPS, prisma, fullCheckEvery: 100 });
      if (report.violation) console.error(formatReport(report).join("\n"));
      expect(report.violation).toBeNull();
      expect(report.opsRun).toBe(OPS);
    }, 120_000);
  }
});
