// A throwaway cluster of the PostgreSQL server from Debian's packages (`apt-get install
// postgresql`: version 15 on Debian 12), the kind an operator runs, for `npm test` to prove the
// migrations and the API against it. It lives in a temporary folder on a free port, trusts only
// loopback connections, and is removed when stopped. PostgreSQL refuses to run as root, so as
// root the cluster belongs to the `postgres` user the package creates.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The bin folder of the newest Debian PostgreSQL installed, or null. */
export function debianPostgresBin(): string | null {
  if (!fs.existsSync(DEBIAN_ROOT)) return null;
  const versions = fs
    .readdirSync(DEBIAN_ROOT)
    .filter((name) => fs.existsSync(path.join(DEBIAN_ROOT, name, "bin/postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(DEBIAN_ROOT, versions[0], "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface DebianCluster {
  version: string;
  /** postgresql://postgres@127.0.0.1:PORT/postgres — may create databases. */
  adminUrl: string;
  stop(): void;
}

export async function startDebianPostgres(bin: string): Promise<DebianCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jivapay-debian-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  // As root, run each command as the package's `postgres` user, who must own the folder.
  const exec = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status}):\n${result.stderr || result.stdout}`);
    return result.stdout;
  };
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  try {
    exec("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
    exec("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const version = exec("postgres", ["--version"]).trim();
  return {
    version,
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        exec("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
