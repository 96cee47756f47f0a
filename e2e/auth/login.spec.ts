import { expect, test, type Page } from "@playwright/test";
import { CABINETS, DEMO_PASSWORD, LOGIN_ERROR, cabinet, expectLoginPage, login, submitLogin } from "../helpers/cabinets";

// Failed sign-ins are throttled per email and per client IP (5 free failures in 15 minutes).
// The whole suite makes exactly 2 deliberate failures (wrong password, unknown email), 4 with a
// CI retry, so the demo users other tests sign in with are never locked. Do not add more here:
// lockout itself is covered by the unit tests of lib/auth/login-throttle.

// Next.js renders its own (empty) role="alert" route announcer, so look for the one with the text.
async function expectLoginError(page: Page) {
  const alert = page.getByRole("alert").filter({ hasText: LOGIN_ERROR });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(LOGIN_ERROR); // nothing more, e.g. no hint whether the email exists
}

test.describe("login form", () => {
  for (const c of CABINETS) {
    test(`${c.role} signs in and lands on ${c.path}`, async ({ page }) => {
      await login(page, c);
      await page.reload();
      await expect(page.getByRole("heading", { level: 1, name: c.heading, exact: true })).toBeVisible();
    });
  }

  test("a wrong password shows the message and stays on /login", async ({ page }) => {
    const merchant = cabinet("merchant");
    await submitLogin(page, merchant.email, `${DEMO_PASSWORD}-wrong`);
    await expectLoginError(page);
    await expectLoginPage(page);
    await page.goto(merchant.path);
    await expectLoginPage(page); // no session was created
  });

  test("an unknown email shows the same message", async ({ page }) => {
    const email = `nobody-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await submitLogin(page, email, DEMO_PASSWORD);
    await expectLoginError(page);
    await expectLoginPage(page);
  });
});
