import { test } from "@playwright/test";
import { CABINETS, expectLoginPage, login, waitForHydration } from "../helpers/cabinets";

for (const c of CABINETS) {
  test(`${c.role} signs out and the cabinet is closed again`, async ({ page }) => {
    await login(page, c);
    const signOut = page.getByRole("button", { name: "Sign out" });
    await waitForHydration(signOut);
    await signOut.click();
    await expectLoginPage(page);
    await page.goto(c.path);
    await expectLoginPage(page);
  });
}
