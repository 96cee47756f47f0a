// A merchant of this spec's own, on a phone: the cabinet in Russian after switching (the
// language is remembered on the user, so the shared demo merchant is left alone), a withdrawal
// request held from the store's balance, and a webhook secret rotation shown once.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectFitsWidth, submitLogin, waitForHydration } from "../helpers/cabinets";
import { withDb } from "../helpers/db";
import { createOwnMerchant, TRON_ADDRESS } from "./merchant-data";

test("in Russian at 375 px: requests a withdrawal and rotates the webhook secret", async ({ page }) => {
  const merchant = await createOwnMerchant(100_000_000n); // 100 USDT
  await page.setViewportSize({ width: 375, height: 812 });
  await submitLogin(page, merchant.email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/merchant");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  const switcher = page.getByTestId("locale-switcher");
  await waitForHydration(switcher);
  await switcher.selectOption("ru");
  await expect(page.getByRole("heading", { level: 1, name: "Обзор" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 2, name: "Сегодня" })).toBeVisible();
  await expect(page.getByRole("table", { name: `Балансы магазина ${merchant.storeName}` })).toContainText("100,000000");
  await expectFitsWidth(page, "/merchant");

  // The withdrawal: too much is refused on the field; 12,5 (a Russian decimal comma) is held.
  await page.goto("/merchant/withdrawals");
  await expect(page.getByRole("heading", { level: 1, name: "Выводы" })).toBeVisible();
  await expect(page.getByTestId("withdrawal-available")).toHaveText("Доступно: 100,000000 USDT");
  const submit = page.getByRole("button", { name: "Запросить вывод" });
  await waitForHydration(submit);
  const amount = page.getByLabel("Сумма, USDT");
  await page.getByLabel("Адрес кошелька").fill(TRON_ADDRESS);
  await amount.fill("100,5");
  await submit.click();
  await expect(page.getByText("Сумма больше, чем доступно магазину.")).toBeVisible();
  await expect(amount).toHaveAttribute("aria-invalid", "true");

  await amount.fill("12,5");
  await submit.click();
  await expect(page.getByText("Вывод запрошен. Сумма заморожена до решения администратора.")).toBeVisible();
  const row = page.locator("tr[data-withdrawal-id]").first();
  await expect(row).toContainText("12,500000");
  await expect(row).toContainText("на рассмотрении");
  await expect(page.getByTestId("withdrawal-available")).toHaveText("Доступно: 87,500000 USDT");
  await expectFitsWidth(page, "/merchant/withdrawals");
  await withDb(async (db) => {
    const { rows } = await db.query(`SELECT amount, address, status FROM withdrawal_requests WHERE store_id = $1`, [merchant.storeId]);
    expect(rows).toEqual([{ amount: "12500000", address: TRON_ADDRESS, status: "pending" }]);
    const { rows: [balance] } = await db.query(`SELECT amount, held FROM balance_store WHERE store_id = $1`, [merchant.storeId]);
    expect(balance).toEqual({ amount: "87500000", held: "12500000" });
  });

  // The webhook secret: rotated after a confirmation, shown once, stored as shown.
  await page.goto(`/merchant/stores/${merchant.storeId}`);
  await expect(page.getByRole("heading", { level: 1, name: merchant.storeName })).toBeVisible();
  const rotate = page.getByRole("button", { name: "Сменить секрет" });
  await waitForHydration(rotate);
  await rotate.click();
  await page.getByRole("dialog").getByRole("button", { name: "Сменить сейчас" }).click();
  const secret = await page.getByRole("dialog").getByTestId("secret-once").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await withDb(async (db) => {
    const { rows: [store] } = await db.query(`SELECT webhook_secret, webhook_secret_previous FROM merchant_store WHERE id = $1`, [merchant.storeId]);
    expect(store.webhook_secret).toBe(secret);
    expect(store.webhook_secret_previous).not.toBeNull();
  });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("masked-webhook-secret")).toHaveText(`${secret.slice(0, 6)}••••••••${secret.slice(-4)}`);
  await expectFitsWidth(page, `/merchant/stores/${merchant.storeId}`);

  await page.goto("/merchant/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Заявки" })).toBeVisible();
  // While the page streams, React briefly keeps a hidden copy of the content: look in the main area only.
  await expect(page.locator("#content").getByText("Заявок пока нет.")).toBeVisible();
  await expectFitsWidth(page, "/merchant/orders");
});
