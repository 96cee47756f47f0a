// Support resolves a dispute end to end: a pay-in created through the gateway with the demo key
// is reported paid and disputed by the merchant's backend (with a receipt as evidence); a support
// user of this spec's own (it switches the cabinet to Russian, which is remembered per user) finds
// it in the queue on a phone-sized screen and completes it with a note. The database then shows
// the order completed, the dispute resolved and the merchant's payin.completed callback.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectFitsWidth, saveScreenshot, submitLogin, waitForHydration } from "../helpers/cabinets";
import { uniqueId, withDb } from "../helpers/db";
import { createPayin, DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { createCabinetUser } from "./db";

/** A 1×1 PNG, the evidence file. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

test.use({ viewport: { width: 375, height: 812 } });

async function disputedPayin(request: APIRequestContext) {
  const order = await createPayin(request, { merchantOrderId: uniqueId("e2e-support") });
  expect(order.status).toBe("awaiting_payment");

  const paid = await request.post(`/api/v1/payin/${order.id}/confirm`, { headers: DEMO_MERCHANT_AUTH, data: {} });
  expect(paid.status(), await paid.text()).toBe(200);

  const disputed = await request.post(`/api/v1/payin/${order.id}/dispute`, {
    headers: { ...DEMO_MERCHANT_AUTH, "idempotency-key": uniqueId("e2e-dispute") },
    data: { reason: "Клиент оплатил 12:03 с карты Сбербанка, трейдер не подтвердил", evidence: [{ file_name: "transfer.png", content_type: "image/png", content_base64: PNG_BASE64 }] },
  });
  expect(disputed.status(), await disputed.text()).toBe(200);
  const body = await disputed.json();
  expect(body).toMatchObject({ id: order.id, status: "disputed", dispute: { status: "open", opened_via: "merchant_api", evidence_count: 1 } });
  return { orderId: order.id as string, disputeId: body.dispute.id as number };
}

/** The queue lists open disputes oldest first: page forward until the dispute's card shows. */
async function openFromQueue(page: Page, orderId: string) {
  for (let pageNumber = 0; pageNumber < 20; pageNumber++) {
    const card = page.getByTestId("dispute-queue").getByRole("link").filter({ hasText: orderId });
    if (await card.count()) return card.click();
    await page.getByRole("link", { name: "Следующая страница" }).click();
  }
  throw new Error(`dispute of ${orderId} not found in the queue`);
}

test("support finds a merchant's dispute in the queue and resolves it as completed (Russian, 375 px)", async ({ page, request, browser }, testInfo) => {
  const { orderId, disputeId } = await disputedPayin(request);
  const support = await withDb((db) => createCabinetUser(db, "support", "E2E Support"));

  await submitLogin(page, support.email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === "/support");
  const switcher = page.getByTestId("locale-switcher");
  await waitForHydration(switcher);
  await switcher.selectOption("ru");
  await expect(page.getByRole("heading", { level: 1, name: "Последние заявки" })).toBeVisible();

  // Search finds the order across stores by its merchant order id and by our id.
  await page.getByLabel("Номер заявки, заказа мерчанта или id клиента").fill(orderId);
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page.getByRole("link", { name: orderId })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: orderId }).locator('[data-status="disputed"]')).toHaveText("спор");
  await saveScreenshot(page, testInfo, "support");

  // Through the phone menu to the disputes queue.
  await page.getByRole("button", { name: "Открыть меню" }).click();
  await page.getByRole("menuitem", { name: "Споры" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Споры" })).toBeVisible();
  await openFromQueue(page, orderId);
  await expect(page.getByRole("heading", { level: 1, name: `Спор ${disputeId}` })).toBeVisible();
  await expect(page.getByText("Клиент оплатил 12:03 с карты Сбербанка, трейдер не подтвердил").first()).toBeVisible();

  // The evidence opens through the authorised receipt route, and only for support.
  const view = page.getByRole("link", { name: "Открыть", exact: true }).first();
  await expect(page.getByText("transfer.png")).toBeVisible();
  const receiptUrl = new URL((await view.getAttribute("href"))!, page.url()).toString();
  const file = await page.request.get(receiptUrl);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect((await file.body()).equals(Buffer.from(PNG_BASE64, "base64"))).toBe(true);
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(receiptUrl, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(refused.status());
  expect(refused.headers().location).toContain("/login");
  await anonymous.close();

  // The note is mandatory: without one the confirm dialog does not open.
  const complete = page.getByRole("button", { name: "Завершить заявку" });
  await waitForHydration(complete);
  await complete.click();
  await expect(page.getByText("Напишите комментарий: что вы проверили и почему.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  const note = "Выписка трейдера: перевод пришёл в 12:04";
  await page.getByLabel("Комментарий", { exact: true }).fill(note);
  await complete.click();
  const dialog = page.getByRole("dialog", { name: `Завершить заявку ${orderId}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Да, завершить" }).click();
  await expect(page.getByText(`Спор ${disputeId} решён: заявка завершена.`)).toBeVisible();
  await page.waitForURL((url) => url.pathname === "/support/disputes");
  await expect(page.getByTestId("dispute-queue").getByText(orderId)).toHaveCount(0);

  const state = await withDb(async (db) => {
    const order = await db.query(`SELECT status FROM incoming_orders WHERE id = $1`, [orderId]);
    const dispute = await db.query(`SELECT status, resolution_note, resolved_by, resolved_at FROM disputes WHERE id = $1`, [disputeId]);
    const callbacks = await db.query(`SELECT event_type FROM callback_deliveries WHERE order_id = $1 ORDER BY sequence`, [orderId]);
    return { order: order.rows[0], dispute: dispute.rows[0], events: callbacks.rows.map((r) => r.event_type) };
  });
  expect(state.order.status).toBe("completed");
  expect(state.dispute).toMatchObject({ status: "resolved_completed", resolution_note: note, resolved_by: support.userId });
  expect(state.dispute.resolved_at).not.toBeNull();
  expect(state.events).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed", "payin.completed"]);

  // The page's content fits the phone screen (a wide table scrolls inside its own box).
  await expectFitsWidth(page, "/support/disputes");
});
