// What the e2e suite knows about the demo users and their cabinets (the UI contract).
import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import { DEMO_LOGINS } from "../../prisma/demo-logins";

export type Role = (typeof DEMO_LOGINS.users)[number]["role"];

export interface Cabinet {
  role: Role;
  email: string;
  path: `/${Role}`;
  /** The h1 of the cabinet's first page. */
  heading: string;
}

const HEADINGS: Record<Role, string> = {
  admin: "Configuration settings",
  merchant: "Dashboard",
  trader: "Order queue",
  teamlead: "My traders",
  support: "Latest orders",
};

export const DEMO_PASSWORD = DEMO_LOGINS.password;

export const CABINETS: Cabinet[] = DEMO_LOGINS.users.map(({ role, email }) => ({
  role,
  email,
  path: `/${role}`,
  heading: HEADINGS[role],
}));

export function cabinet(role: Role): Cabinet {
  return CABINETS.find((c) => c.role === role)!;
}

export const LOGIN_ERROR = "Invalid email or password.";
export const FORBIDDEN_HEADING = "403 — Access denied";
export const FORBIDDEN_TEXT = "You do not have access to this page.";

/** Fills and submits the /login form (does not wait for the outcome). */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.goto("/login");
  const submit = page.getByRole("button", { name: "Sign in" });
  await waitForHydration(submit);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await submit.click();
}

/**
 * Waits until React has hydrated the element (it then carries React's `__reactProps$…` key). A
 * form submitted before hydration would be posted natively instead of through next-auth.
 */
export async function waitForHydration(locator: Locator) {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactProps"))), {
      message: "the page was not hydrated",
    })
    .toBe(true);
}

/** Signs in through the form and waits for the role's cabinet. */
export async function login(page: Page, c: Cabinet) {
  await submitLogin(page, c.email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === c.path);
  await expectCabinet(page, c);
}

/** The page shows the role's cabinet: URL, <main data-cabinet> and its h1. */
export async function expectCabinet(page: Page, c: Cabinet) {
  await expect(page).toHaveURL((url) => url.pathname === c.path);
  await expect(page.locator(`main[data-cabinet="${c.role}"]`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: c.heading, exact: true })).toBeVisible();
}

/** The page is /login (a signed-out visitor's destination), with its form. */
export async function expectLoginPage(page: Page) {
  await expect(page).toHaveURL((url) => url.pathname === "/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

/** Full-page screenshot kept as a test artifact: attached to the report and in test-results/screenshots/. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.waitForLoadState("networkidle").catch(() => {});
  const file = path.join(testInfo.project.outputDir, "screenshots", `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/**
 * How many pixels the page and its parts stick out sideways beyond the viewport (0 when they
 * fit): the whole document (what makes the page scroll sideways), the shared header and the
 * page's <main>. A table scrolling inside its own box does not count. `culprits` names the first
 * elements reaching past <main>'s right edge, for the failure message.
 */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const beyond = (el: Element | null) => (el ? Math.max(0, Math.ceil(el.scrollWidth - el.clientWidth), Math.ceil(el.getBoundingClientRect().right - window.innerWidth)) : 0);
    const main = document.querySelector("main");
    const mainRight = main?.getBoundingClientRect().right ?? window.innerWidth;
    return {
      document: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
      header: beyond(document.querySelector("header > div")),
      main: beyond(main),
      culprits: [...(main?.querySelectorAll("*") ?? [])]
        .filter((el) => el.getBoundingClientRect().right > mainRight + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 60)}`),
    };
  });
}

/** The page fits its viewport sideways: neither the document, the shared header nor <main> sticks out. */
export async function expectFitsWidth(page: Page, what: string) {
  const { culprits, ...overflow } = await horizontalOverflow(page);
  expect(overflow, `${what} is wider than the screen (header: components/cabinet/shell.tsx); sticking out of <main>:\n${culprits.join("\n")}`).toEqual({ document: 0, header: 0, main: 0 });
}
