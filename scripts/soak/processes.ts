// Real processes for the soak: app instances that can be SIGKILLed and started again on the
// same port (free ports, waiting and the production build are scripts/processes.ts, shared with
// the benchmarks).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort, productionBuild, ROOT, sleep, waitFor } from "../processes";

export { freePort, productionBuild, ROOT, sleep, waitFor };

/**
 * One production server process (standalone server.js) on a fixed port. Its JSON log goes to
 * `logFile` (appended across restarts), so a crash leaves evidence without flooding the console.
 */
export class AppInstance {
  private child: ChildProcess | null = null;
  readonly url: string;
  /** Kills and restarts so far. */
  kills = 0;
  restarts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly standaloneDir: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts the server and waits until /api/health answers. */
  async start(): Promise<void> {
    const log = fs.openSync(this.logFile, "a");
    fs.writeSync(log, `\n--- start ${new Date().toISOString()}\n`);
    const child = spawn(process.execPath, ["--require", "./peer-address.cjs", "server.js"], {
      cwd: this.standaloneDir,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOSTNAME: "127.0.0.1", NEXTAUTH_URL: this.url },
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    this.child = child;
    const exited = new Promise<never>((_, reject) => child.once("exit", (code, signal) => reject(new Error(`${this.name} exited during start (${signal ?? code}); see ${this.logFile}`))));
    exited.catch(() => {});
    await Promise.race([waitFor(`${this.url}/api/health`), exited]);
  }

  /** SIGKILL: no shutdown hooks, in-flight transactions and leased callbacks are left as a crash leaves them. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.kills += 1;
  }

  async restart(): Promise<void> {
    await this.start();
    this.restarts += 1;
  }

  /** A clean stop at the end (SIGTERM, then SIGKILL after 10 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
