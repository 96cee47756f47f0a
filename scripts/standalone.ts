// The production server is Next.js's standalone output (next.config.mjs `output: "standalone"`):
// <distDir>/standalone/server.js with only the node_modules it needs. Next.js leaves out what a
// server must serve besides its code; this completes the folder so that it runs on its own —
// `npm start` runs it in place, and the Dockerfile copies exactly this folder into its image.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export function standaloneDir(distDir: string): string {
  return path.join(ROOT, distDir, "standalone");
}

/**
 * Copies into the standalone folder: the static assets (<distDir>/static) and public/, which
 * Next.js does not copy; prisma/migrations, which /api/ready compares with the database; and
 * the X-Forwarded-For peer preload (scripts/peer-address.cjs), which the client IP rule needs.
 */
export function assembleStandalone(distDir: string): string {
  const target = standaloneDir(distDir);
  if (!fs.existsSync(path.join(target, "server.js"))) {
    throw new Error(`${path.relative(ROOT, target)}/server.js is missing: is output: "standalone" still set in next.config.mjs?`);
  }
  const copies: [string, string][] = [
    [path.join(ROOT, distDir, "static"), path.join(target, distDir, "static")],
    [path.join(ROOT, "public"), path.join(target, "public")],
    [path.join(ROOT, "prisma/migrations"), path.join(target, "prisma/migrations")],
    [path.join(ROOT, "scripts/peer-address.cjs"), path.join(target, "peer-address.cjs")],
  ];
  for (const [from, to] of copies) {
    if (!fs.existsSync(from)) continue;
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true });
  }
  return target;
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
  const files = ["proxy.ts", "instrumentation.ts", "package-lock.json", "next.config.mjs", "tailwind.config.ts", "postcss.config.mjs", "tsconfig.json", "prisma/schema.prisma"];
  for (const file of files) {
    const full = path.join(ROOT, file);
    if (fs.existsSync(full)) hash.update(`${file}:${fs.statSync(full).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/**
 * Runs `build` (next build into `distDir`) unless a build of exactly these sources is there,
 * then completes the standalone folder; returns it.
 */
export async function ensureStandaloneBuild(distDir: string, build: () => Promise<void>): Promise<string> {
  const dist = path.join(ROOT, distDir);
  const stampFile = path.join(dist, "jivapay-build-stamp");
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(dist, "BUILD_ID")) && fs.existsSync(stampFile);
  if (!built || fs.readFileSync(stampFile, "utf8") !== fingerprint) {
    await build();
    fs.writeFileSync(stampFile, fingerprint);
  }
  return assembleStandalone(distDir);
}
