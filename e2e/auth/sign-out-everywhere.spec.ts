// Sessions that end: "Sign out everywhere" bumps the user's session_version, and every session
// signed in before it — in any browser — is sent to /login on its next request. A merchant of
// the spec's own, so the demo users' stored sessions other specs use stay signed in.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, cabinet, expectLoginPage, submitLogin, waitForHydration } from "../helpers/cabinets";
import { queryOne } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { createOwnMerchant } from "../merchant/merchant-data";

const merchantPath = cabinet("merchant").path;

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === merchantPath);
  await expect(page.locator('main[data-cabinet="merchant"]')).toBeVisible();
  return page;
}

const endedSessions = async (userId: number) =>
  Number((await queryOne<{ n: string }>(`SELECT count(*) AS n FROM audit_logs WHERE action = 'sessions_ended' AND entity_id = $1`, [String(userId)]))?.n ?? 0);

test("\"Sign out everywhere\" in one browser sends the other to /login on its next navigation", async ({ browser }) => {
  const merchant = await createOwnMerchant(0n);
  const first = await signedInPage(browser, merchant.email);
  const second = await signedInPage(browser, merchant.email);
  try {
    const menu = first.getByRole("button", { name: "Session options" });
    await waitForHydration(menu);
    await menu.click();
    await first.getByRole("menuitem", { name: "Sign out everywhere" }).click();
    await expectLoginPage(first);
    expect(await endedSessions(merchant.userId)).toBe(1);

    await second.goto(merchantPath);
    await expectLoginPage(second);

    // Signing in again starts a new session that works.
    await submitLogin(second, merchant.email, DEMO_PASSWORD);
    await second.waitForURL((url) => url.pathname === merchantPath);
    await expect(second.locator('main[data-cabinet="merchant"]')).toBeVisible();
  } finally {
    await first.context().close();
    await second.context().close();
  }
});

test("an admin signs another user out everywhere from /admin/users", async ({ browser }) => {
  const merchant = await createOwnMerchant(0n);
  const victim = await signedInPage(browser, merchant.email);
  const adminContext = await browser.newContext({ storageState: sessionFile("admin") });
  const admin = await adminContext.newPage();
  try {
    await admin.goto(`/admin/users?q=${encodeURIComponent(merchant.email)}`);
    const button = admin.getByRole("button", { name: `Sign ${merchant.email} out everywhere` });
    await waitForHydration(button);
    await button.click();
    await expect(admin.getByText(`${merchant.email} is signed out everywhere`)).toBeVisible();
    expect(await endedSessions(merchant.userId)).toBe(1);

    await victim.goto(merchantPath);
    await expectLoginPage(victim);
  } finally {
    await adminContext.close();
    await victim.context().close();
  }
});
