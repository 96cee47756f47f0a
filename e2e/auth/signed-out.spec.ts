import { expect, test } from "@playwright/test";
import { CABINETS, expectLoginPage } from "../helpers/cabinets";

for (const c of CABINETS) {
  test(`a signed-out visitor opening ${c.path} is sent to /login`, async ({ page }) => {
    await page.goto(c.path);
    await expectLoginPage(page);
    await expect(page.locator("main[data-cabinet]")).toHaveCount(0);
  });
}
