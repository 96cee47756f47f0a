// `npm run build`: the production build (next build) and its standalone server folder,
// completed by scripts/standalone.ts: <NEXT_DIST_DIR or .next>/standalone, run with
// `node --require ./peer-address.cjs server.js` from inside it (what the Dockerfile does).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { assembleStandalone } from "./standalone";

const ROOT = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";

const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`Standalone server: ${path.relative(ROOT, assembleStandalone(distDir))}/server.js`);
