// Real processes for the scripts that start the app (the benchmarks, the soak): free ports,
// waiting for a server to answer, and the production standalone build.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { ensureStandaloneBuild } from "./standalone";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers below 500 (the app's /api/health once it serves). */
export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await sleep(200);
  }
}

/**
 * The standalone production server for `distDir`, built with `next build` only when the sources
 * changed since the build there (ensureStandaloneBuild's fingerprint). `npm test` runs the e2e
 * phase first, whose `npm start` builds the default `.next`: the soak then reuses that build.
 */
export function productionBuild(distDir: string): Promise<string> {
  return ensureStandaloneBuild(distDir, async () => {
    console.log(`building the app into ${distDir}…`);
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
        cwd: ROOT,
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir },
      }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build: exit ${code}`)))),
    );
  });
}

/** Sends SIGTERM to every child still running and waits until all have exited. */
export async function stopProcesses(children: ChildProcess[]): Promise<void> {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once("exit", resolve)))));
}
