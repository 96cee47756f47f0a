// Setup project: every demo user signs in once through the form; the role specs reuse the
// resulting browser state (session cookie) instead of signing in again for every check.
import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { CABINETS, login } from "../helpers/cabinets";
import { sessionFile } from "../helpers/run";

for (const c of CABINETS) {
  setup(`sign in as ${c.role}`, async ({ page }) => {
    await login(page, c);
    const file = sessionFile(c.role);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.context().storageState({ path: file });
  });
}
