// Dark mode as a user meets it: the cabinet follows the OS setting until the theme button is
// pressed, the choice survives a reload without a light flash (the class is set before first
// paint), and the page really is dark (computed colours, not just a class).
import { expect, test, type Page } from "@playwright/test";
import { cabinet, expectCabinet, saveScreenshot, waitForHydration } from "../helpers/cabinets";
import { sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("merchant") });

const merchant = cabinet("merchant");

/** Relative luminance (0 black … 1 white) of the body's background colour. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d")!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
}

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));

test("the theme follows the OS until chosen, then stays dark across reloads (screenshot)", async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(merchant.path);
  await expectCabinet(page, merchant);
  expect(await isDark(page)).toBe(false);
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);

  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => isDark(page), { message: "follows the OS switching to dark" }).toBe(true);
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => isDark(page)).toBe(false);

  const toggle = page.getByRole("button", { name: "Toggle theme" });
  await waitForHydration(toggle);
  await toggle.click();
  await expect.poll(() => isDark(page)).toBe(true);
  expect(await backgroundLuminance(page)).toBeLessThan(0.2);

  // Reload with the OS still light: the stored choice wins, already in the first HTML paint.
  await page.reload();
  await expectCabinet(page, merchant);
  expect(await isDark(page)).toBe(true);
  expect(await backgroundLuminance(page)).toBeLessThan(0.2);
  await saveScreenshot(page, testInfo, "merchant-dark");

  await toggle.click();
  await expect.poll(() => isDark(page)).toBe(false);
  await page.reload();
  expect(await isDark(page)).toBe(false);
});
