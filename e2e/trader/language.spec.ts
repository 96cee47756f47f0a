// The cabinet in Russian. The language is remembered on the user's profile, so switching it
// for the shared demo trader would change what parallel specs see: this spec signs in as a
// trader of its own (same password hash as the demo users), on a phone-sized screen.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, submitLogin, waitForHydration } from "../helpers/cabinets";
import { horizontalOverflow, openDb, uniqueId } from "./trader-data";

test("switching the language renders the trader cabinet in Russian, also at 375 px", async ({ page }) => {
  const email = `${uniqueId("e2e-trader-ru").toLowerCase()}@test.jivapay.dev`;
  const db = openDb();
  await db.connect();
  try {
    await db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, role_id, name, updated_at)
         SELECT $1, password_hash, role_id, 'E2E Russian trader', now() FROM users WHERE email = 'trader@jivapay.dev'
         RETURNING id
       )
       INSERT INTO trader (user_id, updated_at) SELECT id, now() FROM u`,
      [email],
    );
  } finally {
    await db.end();
  }

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
    const overflow = await horizontalOverflow(page);
    expect(overflow.main, `the content of ${path} is wider than the screen`).toBe(0);
    expect(overflow, `${path} scrolls sideways (header: components/cabinet/shell.tsx)`).toEqual({ document: 0, header: 0, main: 0 });
  }
});
