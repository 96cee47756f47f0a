// npm run simulate -- --seed N --ops M [--check-every K] [--keep-db] [--log FILE]
// The seeded adversarial simulator (lib/simulator) on a fresh, migrated database in the
// embedded cluster (or the server in DATABASE_URL). Prints the figures and "clean", or the
// first invariant violation with the seed and step that reproduce it (exit code 1).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { withDatabase } from "./db/database-url";
import { applyMigrations } from "./db/migrate-engine";
import { createDatabase, databaseUrl, dropDatabase } from "../test/database";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    ops: { type: "string", default: "1000" },
    "check-every": { type: "string", default: "500" },
    "keep-db": { type: "boolean", default: false },
    // One line per step (op and outcomes): diff two runs of a seed to find where they part.
    log: { type: "string" },
  },
});
const seed = Number(values.seed);
const ops = Number(values.ops);
const checkEvery = Number(values["check-every"]);
if (![seed, ops, checkEvery].every((n) => Number.isSafeInteger(n) && n >= 0) || checkEvery < 1) {
  console.error("Usage: npm run simulate -- --seed N --ops M [--check-every K] [--keep-db] [--log FILE]");
  process.exit(2);
}

const clean = await withDatabase(async (serverUrl) => {
  const name = `jivapay_sim_${seed}_${process.pid}`;
  await createDatabase(serverUrl, { name, empty: true });
  const url = databaseUrl(serverUrl, name);
  await applyMigrations(url);
  // lib/db/client reads DATABASE_URL when first used: set it before importing the simulator.
  process.env.DATABASE_URL = url;
  const { prisma } = await import("../lib/db/client");
  const { runSimulation } = await import("../lib/simulator/run-simulation");
  const { formatReport } = await import("../lib/simulator/format-report");
  const started = Date.now();
  let keep = values["keep-db"];
  const log = values.log ? fs.openSync(values.log, "w") : null;
  try {
    const report = await runSimulation({
      seed,
      ops,
      prisma,
      fullCheckEvery: checkEvery,
      onStep: log ? (index, step, outcomes) => fs.writeSync(log, `${index} ${JSON.stringify(step.op)} ${outcomes.join(" ")}\n`) : undefined,
      onProgress: (done) => console.error(`… ${done}/${ops} ops, ${(done / ((Date.now() - started) / 1000)).toFixed(1)} ops/s`),
    });
    console.log(formatReport(report).join("\n"));
    // A failing run's database is worth a look; a clean one is not.
    keep ||= Boolean(report.violation);
    return !report.violation;
  } finally {
    await prisma.$disconnect();
    if (keep) console.log(`database kept for inspection: ${url}`);
    else await dropDatabase(serverUrl, name);
  }
});

process.exit(clean ? 0 : 1);
