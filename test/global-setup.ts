import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/scripts/db/embedded";
import { createDatabase, databaseUrl, dropDatabase, TEMPLATE_DATABASE } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A connection string to the test server with the right to create databases. */
    adminDatabaseUrl: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const CLUSTER_PREFIX = "vitest-pg-";
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Data folders left by runs that were killed outright (their process and postgres are gone). */
function removeStaleClusters() {
  const dir = path.join(ROOT, ".tmp");
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(CLUSTER_PREFIX))) {
    const owner = Number(name.slice(CLUSTER_PREFIX.length).split("-")[0]);
    const postmaster = path.join(dir, name, "postmaster.pid");
    const postgresPid = fs.existsSync(postmaster) ? Number(fs.readFileSync(postmaster, "utf8").split("\n")[0]) : 0;
    if (isAlive(owner) || (postgresPid && isAlive(postgresPid))) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** A throwaway cluster under .tmp/ on a free port (retrying if another process takes the port first). */
async function startThrowawayCluster(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    const dataDir = path.join(ROOT, ".tmp", `${CLUSTER_PREFIX}${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
    const remove = () => fs.rmSync(dataDir, { recursive: true, force: true });
    try {
      const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true, throwaway: true });
      return {
        adminUrl: server.urlFor("postgres"),
        stop: async () => {
          await server.stop();
          remove();
        },
      };
    } catch (error) {
      remove();
      if (attempt >= 3) throw error;
    }
  }
}

/** See test/migrate-database.ts for why migrations run in a child process. */
async function migrateInChildProcess(url: string): Promise<void> {
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  await promisify(execFile)(process.execPath, [tsx, path.join(ROOT, "test/migrate-database.ts"), url], { cwd: ROOT }).catch((error) => {
    throw new Error(`Migrating the test template failed:\n${error.stderr || error.message}`);
  });
}

/**
 * Starts one throwaway PostgreSQL 17 for the whole run (or uses the server in DATABASE_URL),
 * migrates a template database in it and hands its admin URL to the test files, which each
 * clone the template (test/setup-database.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    removeStaleClusters();
    const server = await startThrowawayCluster();
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }

  try {
    await dropDatabase(adminUrl, TEMPLATE_DATABASE);
    await createDatabase(adminUrl, { name: TEMPLATE_DATABASE, empty: true });
    await migrateInChildProcess(databaseUrl(adminUrl, TEMPLATE_DATABASE));
  } catch (error) {
    await stopServer();
    throw error;
  }

  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await dropDatabase(adminUrl, TEMPLATE_DATABASE).catch(() => {});
    await stopServer();
  };
}
