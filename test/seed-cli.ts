import { execFile } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Runs `npm run db:seed -- --demo` against `databaseUrl`; `{ demo: false }` leaves the flag out. */
export function runSeedCli(databaseUrl: string, options: { demo?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, "--conditions=react-server", "prisma/seed.ts", ...(options.demo === false ? [] : ["--demo"])],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
