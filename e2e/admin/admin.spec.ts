// The admin's stories end to end, as the demo admin in the browser, checked in the UI and in
// the run's database: settings take effect on the very next pay-in, bad values are refused,
// deposits move exactly, the audit log shows every change, invited people get in (and are
// locked out when deactivated), and the cabinet works on a phone and in Russian.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { liveBody } from "../../lib/email/sealed-secret";
import { DEMO_PASSWORD, expectFitsWidth, saveScreenshot, submitLogin, waitForHydration } from "../helpers/cabinets";
import { queryOne, uniqueId, withDb } from "../helpers/db";
import { createPayin, DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { currentRun, sessionFile } from "../helpers/run";

test.use({ storageState: sessionFile("admin") });

const TTL_KEY = "order.payment_ttl_seconds";

/** The stored JSON value of a setting. */
async function storedSetting(key: string): Promise<unknown> {
  return (await queryOne<{ value: unknown }>("SELECT value FROM configuration_settings WHERE key = $1", [key]))?.value;
}

/** A setting's editor on /admin. */
function settingForm(page: Page, key: string) {
  return page.locator(`form[data-setting="${key}"]`);
}

async function openSettings(page: Page) {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Configuration settings" })).toBeVisible();
  await waitForHydration(settingForm(page, TTL_KEY).getByRole("button", { name: "Save" }));
}

/** The app's NEXTAUTH_SECRET: the environment's, else the one `npm start` generated in the run's folder. */
function runAuthSecret(): string {
  return process.env.NEXTAUTH_SECRET || fs.readFileSync(path.join(currentRun().dir, "nextauth-secret"), "utf8").trim();
}

/** Invites a user through the Users page; returns the link from the invitation email in the outbox. */
async function inviteThroughUi(page: Page, user: { email: string; role: string; name: string }): Promise<string> {
  await page.goto("/admin/users");
  const invite = page.getByRole("button", { name: "Invite user" });
  await waitForHydration(invite);
  await invite.click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("Email").fill(user.email);
  await dialog.getByLabel("Role").selectOption({ label: user.role });
  await dialog.getByLabel("Name").fill(user.name);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${user.email}.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const email = await queryOne<{ id: string; to: string; text: string; sealedSecret: string | null }>(
    "SELECT id::text AS id, \"to\", text, sealed_secret AS \"sealedSecret\" FROM email_outbox WHERE \"to\" = $1 AND template = 'invitation' ORDER BY id DESC LIMIT 1",
    [user.email],
  );
  // The outbox keeps the link as ?token=[redacted] with the token sealed beside it; as the
  // sender would, open it with the app's NEXTAUTH_SECRET (scripts/start.ts keeps it in the run's folder).
  expect(email?.text).toContain("/invite?token=[redacted]");
  const live = email ? liveBody(email.text, email, runAuthSecret()) : "";
  const link = /\/invite\?token=[A-Za-z0-9_-]+/.exec(live)?.[0];
  expect(link, "the invitation email carries a link").toBeTruthy();
  // The outbox page (in a tab of its own: the caller stays on Users) shows the link redacted, never the token.
  const outbox = await page.context().newPage();
  await outbox.goto(`/admin/mail/${email!.id}`);
  await expect(outbox.getByText(`/invite?token=[redacted]`)).toBeVisible();
  expect(await outbox.content()).not.toContain(link!.split("=")[1]);
  await outbox.close();
  return link!;
}

test("admin opens /admin: every setting with its description and editor (screenshot)", async ({ page }, testInfo) => {
  await openSettings(page);
  const ttl = settingForm(page, TTL_KEY);
  await expect(ttl.getByText("How long a matched pay-in waits")).toBeVisible();
  await expect(ttl.getByLabel(TTL_KEY)).toHaveAttribute("inputmode", "numeric");
  await expect(settingForm(page, "matching.paused").getByRole("switch")).toBeVisible();
  await expect(settingForm(page, "rates.manual").getByRole("textbox")).toHaveValue(/"RUB"/);
  const keys = await page.locator("form[data-setting]").evaluateAll((forms) => forms.map((f) => f.getAttribute("data-setting")));
  expect(keys).toEqual(expect.arrayContaining([TTL_KEY, "order.match_attempts", "fraud.blacklisted_customer_ids", "callbacks.retry_schedule_seconds", "commission.default_trader_payin_reward"]));
  await saveScreenshot(page, testInfo, "admin");
});

test("the next pay-in uses order.payment_ttl_seconds saved in the editor; the audit log shows the change", async ({ page, request }) => {
  const old = await storedSetting(TTL_KEY);
  // Different from what is stored (1200 unless a failed earlier run left it), long enough for other specs.
  const ttl = old === 1200 ? 1260 : 1200;
  let payinId: string | undefined;
  try {
    await openSettings(page);
    const form = settingForm(page, TTL_KEY);
    await form.getByLabel(TTL_KEY).fill(String(ttl));
    await form.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`${TTL_KEY} saved.`)).toBeVisible();
    await expect(form.getByText("Changed", { exact: true })).toBeVisible();
    const admin = await queryOne<{ value: unknown; email: string }>(
      "SELECT s.value, u.email FROM configuration_settings s JOIN users u ON u.id = s.updated_by WHERE s.key = $1",
      [TTL_KEY],
    );
    expect(admin).toEqual({ value: ttl, email: "admin@jivapay.dev" });

    const payin = await createPayin(request, { amount: 300_000 + Math.floor(Math.random() * 100_000), merchantOrderId: uniqueId("e2e-admin-ttl") });
    payinId = payin.id;
    expect(payin.status).toBe("awaiting_payment");
    const row = await queryOne<{ ttl_ms: string }>("SELECT (extract(epoch FROM expires_at - matched_at) * 1000)::bigint AS ttl_ms FROM incoming_orders WHERE id = $1", [payin.id]);
    expect(Math.abs(Number(row!.ttl_ms) - ttl * 1000)).toBeLessThan(2000);

    await page.goto(`/admin/audit?entityType=configuration_setting&entityId=${TTL_KEY}`);
    const entry = page.locator('tr[data-audit-action="setting_updated"]').first();
    await expect(entry.locator('[data-diff="old"]')).toHaveText(JSON.stringify(old));
    await expect(entry.locator('[data-diff="new"]')).toHaveText(String(ttl));
    await expect(entry).toContainText("admin@jivapay.dev");
  } finally {
    await withDb((db) => db.query("UPDATE configuration_settings SET value = $2::jsonb WHERE key = $1", [TTL_KEY, JSON.stringify(old)]));
    if (payinId) await request.post(`/api/v1/payin/${payinId}/cancel`, { headers: DEMO_MERCHANT_AUTH, data: {} });
  }
});

test("a bad value shows a field error and is not saved", async ({ page }) => {
  const key = "matching.max_open_orders_per_requisite";
  const before = await storedSetting(key);
  await openSettings(page);
  const form = settingForm(page, key);
  const input = form.getByLabel(key);
  await input.fill("0");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.locator(`[data-field-error="${key}"]`)).toHaveText(/>=\s*1/);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Check the highlighted fields.")).toBeVisible();

  const json = settingForm(page, "rates.manual");
  await json.getByRole("textbox").fill("{RUB: 92.5}");
  await json.getByRole("button", { name: "Save" }).click();
  await expect(json.locator('[data-field-error="rates.manual"]')).toHaveText("This is not valid JSON. Check quotes, commas and brackets.");

  expect(await storedSetting(key)).toEqual(before);
  expect(await storedSetting("rates.manual")).toEqual({ RUB: "92.50" });
});

test("credit and debit a trader's deposit exactly; an overdraft is refused; the audit log shows both", async ({ page }) => {
  test.slow(); // an invitation and five round trips through the deposit dialog
  const email = `${uniqueId("e2e-trader")}@test.jivapay.dev`;
  await inviteThroughUi(page, { email, role: "Trader", name: "E2E Deposit Trader" });
  const trader = await queryOne<{ id: number }>("SELECT t.id FROM trader t JOIN users u ON u.id = t.user_id WHERE u.email = $1", [email]);
  const balance = async () => BigInt((await queryOne<{ amount: string }>("SELECT amount::text FROM balance_trader_crypto WHERE trader_id = $1", [trader!.id]))?.amount ?? "0");

  await page.goto(`/admin/traders?q=${encodeURIComponent(email)}`);
  // Scoped to <main>: while a streamed page swaps in, React briefly keeps a hidden copy at the end of <body>.
  const row = page.locator(`main tr[data-trader="${email}"]`);
  await expect(row.getByTestId("trader-deposit")).toHaveText("0.000000 USDT");
  const openDeposit = async () => {
    const button = row.getByRole("button", { name: `Deposit of ${email}` });
    await waitForHydration(button);
    await button.click();
    return page.getByRole("dialog", { name: "Credit or debit the USDT deposit" });
  };

  let dialog = await openDeposit();
  await dialog.getByLabel("Amount, USDT").fill("1,234.567891");
  await dialog.getByLabel("Note (e.g. transaction hash)").fill("e2e transfer");
  await dialog.getByRole("button", { name: "Credit deposit" }).click();
  await expect(page.getByText("Credited 1,234.567891 USDT. Available now: 1,234.567891 USDT.")).toBeVisible();
  await expect(row.getByTestId("trader-deposit")).toHaveText("1,234.567891 USDT");
  expect(await balance()).toBe(1_234_567_891n);

  dialog = await openDeposit();
  await dialog.getByLabel("Debit (withdraw)").check();
  await dialog.getByLabel("Amount, USDT").fill("1234.567892");
  await dialog.getByRole("button", { name: "Debit deposit" }).click();
  await expect(dialog.locator('[data-field-error="amount"]')).toHaveText("The trader's available deposit is smaller than this debit.");
  await dialog.getByLabel("Amount, USDT").fill("0.0000001");
  await dialog.getByRole("button", { name: "Debit deposit" }).click();
  await expect(dialog.locator('[data-field-error="amount"]')).toHaveText("USDT has at most 6 decimals.");
  expect(await balance()).toBe(1_234_567_891n);
  await dialog.getByLabel("Amount, USDT").fill("234.567891");
  await dialog.getByRole("button", { name: "Debit deposit" }).click();
  await expect(page.getByText("Debited 234.567891 USDT. Available now: 1,000.000000 USDT.")).toBeVisible();
  expect(await balance()).toBe(1_000_000_000n);

  const history = await withDb(async (db) => (await db.query("SELECT reason, delta::text FROM balance_trader_crypto_history WHERE trader_id = $1 ORDER BY id", [trader!.id])).rows);
  expect(history).toEqual([
    { reason: "deposit_credit", delta: "1234567891" },
    { reason: "deposit_debit", delta: "-234567891" },
  ]);

  await page.goto(`/admin/audit?entityType=trader&entityId=${trader!.id}`);
  // In main: React's streaming may keep a hidden copy of the page's rows elsewhere for a moment.
  const main = page.getByRole("main");
  await expect(main.locator('tr[data-audit-action="trader_deposit_debited"]')).toContainText('"234567891"');
  const credit = main.locator('tr[data-audit-action="trader_deposit_credited"]');
  await expect(credit).toContainText('"1234567891"');
  await expect(credit).toContainText("e2e transfer");
});

test("opens a store for an invited merchant: a missing name is a field error, then the store exists with an audit row", async ({ page }) => {
  const email = `${uniqueId("e2e-merchant")}@test.jivapay.dev`;
  await inviteThroughUi(page, { email, role: "Merchant", name: "E2E Store Owner" });
  const name = uniqueId("E2E Магазин");

  await page.goto("/admin/stores");
  const open = page.getByRole("button", { name: "New store" });
  await waitForHydration(open);
  await open.click();
  const dialog = page.getByRole("dialog", { name: "Open a store" });
  await dialog.getByLabel("Merchant").selectOption({ label: `E2E Store Owner — ${email}` });
  await dialog.getByLabel("Pay-in commission").fill("0.025");
  await dialog.getByRole("button", { name: "Open store" }).click();
  await expect(dialog.locator('[data-field-error="name"]')).toBeVisible();
  expect(await queryOne("SELECT s.id FROM merchant_store s JOIN users u ON u.id = s.user_id WHERE u.email = $1", [email])).toBeUndefined();

  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Open store" }).click();
  await expect(page.getByText(`Store ${name} opened.`)).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`main tr[data-store="${name}"]`)).toContainText(email);
  const store = await queryOne<{ id: number; payin: string; payout: string; secret: string; action: string }>(
    `SELECT s.id, s.payin_commission::text AS payin, s.payout_commission::text AS payout, s.webhook_secret AS secret, a.action
     FROM merchant_store s JOIN users u ON u.id = s.user_id
     JOIN audit_logs a ON a.entity_type = 'store' AND a.entity_id = s.id::text
     WHERE u.email = $1 AND s.name = $2`,
    [email, name],
  );
  expect(store).toMatchObject({ payin: "0.025000", payout: "0.020000", action: "store_created" });
  expect(store!.secret).toMatch(/^whsec_/);
});

test("an invited admin signs in, works in Russian, and is signed out once deactivated", async ({ page, browser }) => {
  test.slow(); // two people, two sign-ins, an invitation and a deactivation
  const email = `${uniqueId("e2e-ru-admin")}@test.jivapay.dev`;
  const link = await inviteThroughUi(page, { email, role: "Admin", name: "Ирина" });
  const row = page.locator(`tr[data-user="${email}"]`);
  await expect(row.getByText("Invitation sent", { exact: true })).toBeVisible();

  // The invited person, in their own browser.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invited = await context.newPage();
  try {
    await invited.goto(link);
    const activate = invited.getByRole("button", { name: "Activate my account" });
    await waitForHydration(activate);
    await invited.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
    await invited.getByLabel("Repeat the password", { exact: true }).fill(DEMO_PASSWORD);
    await activate.click();
    await expect(invited.getByText("Your account is active")).toBeVisible();
    await submitLogin(invited, email, DEMO_PASSWORD);
    await invited.waitForURL((url) => url.pathname === "/admin");

    const switcher = invited.getByTestId("locale-switcher");
    await waitForHydration(switcher);
    await switcher.selectOption("ru");
    await expect(invited.getByRole("heading", { level: 1, name: "Настройки конфигурации" })).toBeVisible();
    await expect(invited.locator(`form[data-setting="${TTL_KEY}"]`)).toContainText("Сколько сопоставленный pay-in ждёт оплаты");
    await expect(invited.locator(`form[data-setting="${TTL_KEY}"]`).getByRole("button", { name: "Сбросить по умолчанию" })).toBeVisible();
    await invited.goto("/admin/dashboard");
    await expect(invited.getByRole("heading", { level: 1, name: "Дашборд платформы" })).toBeVisible();
    await expect(invited.getByText("Прибыль платформы").first()).toBeVisible();
    expect(await queryOne("SELECT locale FROM users WHERE email = $1", [email])).toEqual({ locale: "ru" });

    // The demo admin deactivates the account; the invited admin's next request signs them out.
    await page.reload();
    const active = row.getByRole("switch", { name: `Active: ${email}` });
    await waitForHydration(active);
    await expect(active).toBeChecked();
    await active.click();
    await expect(page.getByText("User deactivated: they are signed out on their next request.")).toBeVisible();
    await expect(active).not.toBeChecked();
    expect(await queryOne("SELECT is_active FROM users WHERE email = $1", [email])).toEqual({ is_active: false });
    await invited.goto("/admin/users");
    await expect(invited).toHaveURL((url) => url.pathname === "/login");
  } finally {
    await context.close();
  }
});

test("the platform dashboard shows totals, charts and breakdowns from daily metrics, by day, week and month", async ({ page }, testInfo) => {
  await page.goto("/admin/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Platform dashboard" })).toBeVisible();
  await expect(page.getByTestId("stat-volume")).toHaveText(/^[\d,]+\.\d{6} USDT$/);
  await expect(page.getByTestId("stat-profit")).toHaveText(/^[\d,]+\.\d{6} USDT$/);
  await expect(page.getByRole("table", { name: "By currency" })).toContainText("RUB");
  await expect(page.getByRole("table", { name: "Top stores" })).toContainText("Demo Store");
  await expect(page.getByRole("table", { name: "By team" })).toContainText("teamlead");
  await expect(page.getByRole("img", { name: "Completed volume and platform profit" }).locator("svg").first()).toBeVisible();
  await saveScreenshot(page, testInfo, "admin-dashboard");
  for (const [label, by] of [["Weeks", "week"], ["Months", "month"], ["Days", "day"]] as const) {
    await page.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("by") === by);
    await expect(page.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("img", { name: "Orders and conversion" }).locator(".recharts-bar-rectangles").first()).toBeAttached();
  }
});

test("the cabinet works 375 px wide: the pages do not scroll sideways, the menu reaches every admin page", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openSettings(page);
  await expectFitsWidth(page, "/admin");
  await saveScreenshot(page, testInfo, "admin-mobile");

  for (const [label, heading] of [
    ["Users", "Users"],
    ["Stores", "Stores"],
    ["Traders", "Traders and teams"],
    ["Rates", "Currencies and rates"],
    ["Withdrawals", "Withdrawals"],
    ["Dashboard", "Platform dashboard"],
    ["Audit", "Audit log"],
  ] as const) {
    const menu = page.getByRole("button", { name: "Open menu" });
    await waitForHydration(menu);
    await menu.click();
    await page.getByRole("menuitem", { name: label, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectFitsWidth(page, label);
  }
});
