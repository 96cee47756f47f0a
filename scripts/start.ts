// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations, then
// the data: on the embedded database (or with --demo) the demo seed fills an empty database;
// on DATABASE_URL only reference data and default settings are written, a database holding the
// demo data is refused, and the operator is told how to create the first admin. Then a
// production build when the sources changed, and Next.js. Ctrl-C stops everything started here.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDatabase } from "./db/database-url";
import { applyMigrations } from "./db/migrate-engine";
import { DEMO_LOGINS } from "../prisma/demo-logins";
import { prepareProductionDatabase } from "./db/prepare-database";
import { ensureStandaloneBuild } from "./standalone";
import { assertEnv, EnvError, returnUrlHttpHosts, type Env } from "../lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
/** The demo data goes only into the embedded database, unless asked for by name. */
const demo = !process.env.DATABASE_URL || process.argv.includes("--demo");

/** Every variable validated once (lib/env.ts); in production a missing or unsafe one stops here. */
function validatedEnv(): Env {
  try {
    return assertEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`${error.message}\n\nSee "Configuration" in README.md.`);
    process.exit(1);
  }
}

const config = validatedEnv();
const port = config.PORT;
/** Appends each request's socket peer to X-Forwarded-For (the client IP rule needs it). */
const peerAddressPreload = path.join(ROOT, "scripts/peer-address.cjs");
const children = new Set<ChildProcess>();
let stopping = false;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`));
    });
  });
}

const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
const tsxBin = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** NEXTAUTH_SECRET from the environment, else one generated once and kept in .data/. */
function authSecret(): string {
  if (config.NEXTAUTH_SECRET) return config.NEXTAUTH_SECRET;
  const file = path.resolve(ROOT, config.JIVAPAY_DATA_DIR, "nextauth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** Builds when the sources changed; returns the standalone server's folder. */
function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<string> {
  return ensureStandaloneBuild(config.NEXT_DIST_DIR, async () => {
    console.log("Building the app (first start or sources changed)…");
    await run(process.execPath, [nextBin, "build"], env);
  });
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

function waitForServer(url: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const probe = async () => {
      if (stopping) return resolve(false);
      try {
        const response = await fetch(url);
        if (response.status < 500) return resolve(true);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) return resolve(false);
      setTimeout(probe, 300);
    };
    void probe();
  });
}

async function main() {
  const db = await resolveDatabase();
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      [...children].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))),
    );
    await db.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (db.embedded) console.log(`Embedded PostgreSQL: psql ${db.url}`);
    const applied = await applyMigrations(db.url);
    if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: authSecret(),
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      // Validated above with the operator's own NODE_ENV; the server (instrumentation.ts) need
      // not check again under the NODE_ENV=production it is given.
      JIVAPAY_ENV_CHECKED: "1",
      // Decided here, where "production" still means the operator's own DATABASE_URL: the server
      // is always given one, so on its own it would treat the demo as production.
      RETURN_URL_HTTP_HOSTS: returnUrlHttpHosts(process.env, config).join(","),
    };
    let activeAdmins = 1;
    if (!demo) {
      const prepared = await prepareProductionDatabase(db.url);
      if (prepared.created) console.log(`Reference data and default settings written: ${prepared.created} row(s).`);
      activeAdmins = prepared.activeAdmins;
    } else if (await isEmpty(db.url)) {
      console.log("Empty database: seeding demo data…");
      await run(process.execPath, [tsxBin, "--conditions=react-server", "prisma/seed.ts", "--demo"], env);
    }
    const standalone = dev ? null : await buildIfNeeded({ ...env, NODE_ENV: "production" });

    const serverEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_OPTIONS: [env.NODE_OPTIONS, `--require ${JSON.stringify(peerAddressPreload)}`].filter(Boolean).join(" "),
    };
    // Production runs the standalone server, as a deployment does; it listens on every address
    // ("::" is dual-stack), like `next start` (HOSTNAME is its variable: never the shell's).
    const server = standalone
      ? spawn(process.execPath, [path.join(standalone, "server.js")], {
          cwd: standalone,
          env: { ...serverEnv, NODE_ENV: "production", HOSTNAME: "::" },
          stdio: "inherit",
        })
      : spawn(process.execPath, [nextBin, "dev", "--port", String(port)], { cwd: ROOT, env: serverEnv, stdio: "inherit" });
    children.add(server);
    server.on("exit", (code) => {
      children.delete(server);
      if (!stopping) void shutdown(code ?? 1);
    });

    const url = `http://localhost:${port}`;
    if (await waitForServer(`${url}/api/health`)) {
      console.log(`\nJivaPay is running at ${url}\n`);
      if (demo) {
        console.log(`Demo logins (password: ${DEMO_LOGINS.password}):`);
        for (const login of DEMO_LOGINS.users) console.log(`  ${login.role.padEnd(9)} ${login.email}`);
        console.log(`Demo API keys: ${DEMO_LOGINS.merchantApiKey} (Demo Store), ${DEMO_LOGINS.merchantSandboxApiKey} (Demo Sandbox Store)`);
      } else if (activeAdmins === 0) {
        console.log("No admin can sign in yet. Create the first one (it prints a one-time sign-in link):\n  npm run admin:create -- --email you@example.com");
      }
      console.log("\nPress Ctrl-C to stop.\n");
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

void main();
