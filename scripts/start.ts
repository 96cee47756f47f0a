// `npm start` / `npm run dev`: database (embedded unless DATABASE_URL is set), migrations,
// demo seed on an empty database, a production build when the sources changed, then Next.js.
// Ctrl-C stops everything this process started.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDatabase } from "./db/database-url";
import { applyMigrations } from "./db/migrate-engine";
import { DEMO_LOGINS } from "../prisma/demo-logins";
import { assertEnv, EnvError, type Env } from "../lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

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

/** Hash of every source file's path, size and mtime: a build is reused only when it matches. */
function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${path.relative(ROOT, full)}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "inngest", "public", "types"]) walk(path.join(ROOT, dir));
  for (const file of ["package-lock.json", "next.config.mjs", "tailwind.config.ts", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"]) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) hash.update(`${file}:${fs.statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

async function buildIfNeeded(env: NodeJS.ProcessEnv) {
  const distDir = path.join(ROOT, config.NEXT_DIST_DIR);
  const stampFile = path.join(distDir, "jivapay-build-stamp");
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile);
  if (built && fs.readFileSync(stampFile, "utf8") === fingerprint) return;
  console.log("Building the app (first start or sources changed)…");
  await run(process.execPath, [nextBin, "build"], env);
  fs.writeFileSync(stampFile, fingerprint);
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
    };
    if (await isEmpty(db.url)) {
      console.log("Empty database: seeding demo data…");
      await run(process.execPath, [tsxBin, "--conditions=react-server", "prisma/seed.ts"], env);
    }
    if (!dev) await buildIfNeeded({ ...env, NODE_ENV: "production" });

    const serverEnv: NodeJS.ProcessEnv = {
      ...env,
      NODE_OPTIONS: [env.NODE_OPTIONS, `--require ${JSON.stringify(peerAddressPreload)}`].filter(Boolean).join(" "),
    };
    const server = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(port)], {
      cwd: ROOT,
      env: dev ? serverEnv : { ...serverEnv, NODE_ENV: "production" },
      stdio: "inherit",
    });
    children.add(server);
    server.on("exit", (code) => {
      children.delete(server);
      if (!stopping) void shutdown(code ?? 1);
    });

    const url = `http://localhost:${port}`;
    if (await waitForServer(`${url}/api/health`)) {
      console.log(`\nJivaPay is running at ${url}\n\nDemo logins (password: ${DEMO_LOGINS.password}):`);
      for (const login of DEMO_LOGINS.users) console.log(`  ${login.role.padEnd(9)} ${login.email}`);
      console.log("\nPress Ctrl-C to stop.\n");
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

void main();
