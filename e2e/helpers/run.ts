// Where one e2e run keeps its state. playwright.config.ts decides the values once, in the runner
// process, and passes them through the environment to the workers (which load the config again).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Every run gets `.tmp/e2e-<timestamp>`: the embedded PostgreSQL cluster, auth secret, sessions. */
export const RUNS_DIR = path.join(ROOT, ".tmp");
const RUN_PREFIX = "e2e-";

export interface E2eRun {
  /** Folder of this run (JIVAPAY_DATA_DIR of the app under test). */
  dir: string;
  /** Port the app listens on. */
  port: number;
  /** Port of the run's own embedded PostgreSQL. */
  dbPort: number;
  /** http://localhost:<port>, or E2E_BASE_URL when the tests target a server started elsewhere. */
  baseURL: string;
  /** True when Playwright starts (and stops) the app itself. */
  ownServer: boolean;
}

/**
 * A free TCP port: `preferred` when nothing listens there, else one the OS hands out. Synchronous
 * (the config cannot await), so it asks a short-lived node process.
 */
function freePort(preferred: number, host: string | undefined, strict: boolean): number {
  const script = `
    const net = require("node:net");
    const [preferred, host] = [Number(process.argv[1]), process.argv[2] || undefined];
    const attempt = (port) => new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen({ port, host, exclusive: true }, () => {
        const found = server.address().port;
        server.close(() => resolve(found));
      });
    });
    const strict = process.argv[3] === "1";
    (async () => process.stdout.write(String((await attempt(preferred)) ?? (strict ? 0 : await attempt(0)))))();
  `;
  const result = spawnSync(process.execPath, ["-e", script, String(preferred), host ?? "", strict ? "1" : "0"], { encoding: "utf8" });
  const port = Number(result.stdout);
  if (strict && port === 0) throw new Error(`Port ${preferred} is in use; the e2e run needs its own. Choose another or unset the variable.`);
  if (result.status !== 0 || !Number.isInteger(port) || port <= 0) {
    throw new Error(`Could not find a free port near ${preferred}: ${result.stderr || result.stdout}`);
  }
  return port;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port number, got ${raw}`);
  return value;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the folders of earlier runs whose PostgreSQL is no longer running. */
function pruneOldRuns(keep: string) {
  if (!fs.existsSync(RUNS_DIR)) return;
  for (const entry of fs.readdirSync(RUNS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(RUN_PREFIX)) continue;
    const dir = path.join(RUNS_DIR, entry.name);
    if (dir === keep) continue;
    const pidFile = path.join(dir, "postgres", "postmaster.pid");
    const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]) : 0;
    if (pid && isAlive(pid)) continue; // another run (or a stuck one) still uses it
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * The current run. The first call (in the Playwright runner) picks a fresh folder and free ports
 * and exports them as E2E_RUN_DIR / E2E_PORT / E2E_DB_PORT; worker processes inherit those.
 * E2E_PORT and E2E_DB_PORT may also be set by hand (they must be free); E2E_BASE_URL targets an already running app
 * (then no server is started and its database is whatever that server uses).
 */
export function currentRun(): E2eRun {
  const external = process.env.E2E_BASE_URL?.replace(/\/+$/, "");
  if (!process.env.E2E_RUN_DIR) {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").replace(/\..*$/, "");
    const dir = path.join(RUNS_DIR, `${RUN_PREFIX}${stamp}-${process.pid}`);
    pruneOldRuns(dir);
    fs.mkdirSync(dir, { recursive: true });
    process.env.E2E_RUN_DIR = dir;
    if (!external) {
      // A port set by hand must be free; the defaults move to a free port when taken. The
      // database port matters most: `npm start` would silently reuse a server found there.
      process.env.E2E_PORT = String(freePort(positiveInt("E2E_PORT", 3210), undefined, !!process.env.E2E_PORT));
      process.env.E2E_DB_PORT = String(freePort(positiveInt("E2E_DB_PORT", 54350), "127.0.0.1", !!process.env.E2E_DB_PORT));
    }
  }
  const port = positiveInt("E2E_PORT", 3210);
  return {
    dir: process.env.E2E_RUN_DIR,
    port,
    dbPort: positiveInt("E2E_DB_PORT", 54350),
    baseURL: external ?? `http://localhost:${port}`,
    ownServer: !external,
  };
}

/** Where the signed-in browser state of a role is stored by the setup project. */
export function sessionFile(role: string): string {
  return path.join(currentRun().dir, "sessions", `${role}.json`);
}
