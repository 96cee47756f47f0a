// Two-factor sign-in in the browser, as a user does it: enrolment on /account/security (the
// secret read from the page, codes computed as an authenticator app does) and signing in with
// a code.
import { expect, type Page } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp";
import { DEMO_PASSWORD, expectLoginPage, submitLogin, waitForHydration } from "./cabinets";

/** Signs in with the password, then (the form asks for it) the code; waits to leave /login. */
export async function signInWithCode(page: Page, email: string, code: string, password: string = DEMO_PASSWORD) {
  await submitLogin(page, email, password);
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField).toBeVisible();
  await codeField.fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Enrols on the security page; answers the secret (read from the page) and the recovery codes shown once. */
export async function enrol(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  const start = page.getByRole("button", { name: "Set up two-factor sign-in" });
  await waitForHydration(start);
  await start.click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByTestId("totp-uri")).toContainText("otpauth://totp/JivaPay:");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  await page.getByRole("button", { name: "I saved them: sign in again" }).click();
  await expectLoginPage(page);
  return { secret, recoveryCodes };
}
