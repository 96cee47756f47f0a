// The cabinet in Russian. The language is remembered on the user's profile, so switching it
// for the shared demo trader would change what parallel specs see: this spec signs in as a
// trader of its own (same password hash as the demo users), on a phone-sized screen.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectFitsWidth, submitLogin, waitForHydration } from "../helpers/cabinets";
import { createUserLike, withDb } from "../helpers/db";

test("switching the language renders the trader cabinet in Russian, also at 375 px", async ({ page }) => {
  const email = await withDb(async (db) => {
    const user = await createUserLike(db, "trader", "E2E Russian trader");
    await db.query(`INSERT INTO trader (user_id, updated_at) VALUES ($1, now())`, [user.userId]);
    return user.email;
  });

  await page.setViewportSize({ width: 375, height: 812 });
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/trader");
  await expect(page.getByRole("heading", { level: 1, name: "Order queue" })).toBeVisible();

  const switcher = page.getByTestId("locale-switcher");
  await waitForHydration(switcher);
  await switcher.selectOption("ru");
  await expect(page.getByRole("heading", { level: 1, name: "Очередь заявок" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByText("Сейчас открытых заявок нет.")).toBeVisible();

  for (const [path, heading] of [
    ["/trader", "Очередь заявок"],
    ["/trader/requisites", "Реквизиты"],
    ["/trader/balance", "Баланс и доход"],
    ["/trader/api-tokens", "API-токены"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectFitsWidth(page, path);
  }
});
