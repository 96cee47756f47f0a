// Finds the Chromium the end-to-end tests drive. Playwright's own browser downloads do not work
// on these machines, so the tests use a system Chromium: CHROMIUM_PATH when set, else Debian's
// /usr/bin/chromium, else Ubuntu's /usr/bin/chromium-browser.
import fs from "node:fs";

export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"] as const;

export const NO_CHROMIUM_MESSAGE =
  "No Chromium found. Install one with `apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH.";

/** Flags for a headless Chromium in a container, as root, without network side traffic. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable to use, or null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) return isExecutable(configured) ? configured : null;
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

/** Like findChromium, but throws a message telling how to get one. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env);
  if (found) return found;
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) throw new Error(`CHROMIUM_PATH=${configured} is not an executable file. ${NO_CHROMIUM_MESSAGE}`);
  throw new Error(NO_CHROMIUM_MESSAGE);
}
