// The hosted payment page (issue 14) as a store's customer meets it, on a 375 px phone screen:
// the merchant's backend creates a pay-in with a return_url, the customer opens payment_url,
// copies the card, says "I have paid", uploads the receipt, the trader confirms and the page
// takes the customer back to the store. Pay-ins are routed to a requisite of this spec's own
// (amounts above every seeded requisite's maximum), so the demo trader's API token confirms them.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_MERCHANT_AUTH } from "../helpers/gateway";
import { openDb, queryOne, uniqueId } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { waitForHydration, expectFitsWidth, saveScreenshot } from "../helpers/cabinets";
import { addRoutingRequisite, switchOffRequisite } from "../trader/trader-data";

test.use({ viewport: { width: 375, height: 812 } });

const TRADER_AUTH = { authorization: "Bearer jp_test_demo_trader_token" };
/** Kopecks: 234 500.00 – 234 599.99 RUB, above every seeded requisite's maximum; each test has its own slice. */
const range = (slice: number) => ({ min: BigInt(23_450_000 + slice * 2_000), max: BigInt(23_450_000 + slice * 2_000 + 1_999) });

interface Payin {
  id: string;
  status: string;
  amount: number;
  payment_url: string;
  requisite: { number: string; holder: string | null; bank: string | null } | null;
}

/** A pay-in that only the routing requisite fits; retried when not matched at once (another spec may pause traffic). */
async function createRoutedPayin(request: APIRequestContext, slice: number, extra: Record<string, unknown> = {}): Promise<Payin> {
  const { min, max } = range(slice);
  for (let attempt = 0; attempt < 20; attempt++) {
    const amount = Number(min) + crypto.randomInt(0, Number(max - min));
    const response = await request.post("/api/v1/payin", {
      headers: DEMO_MERCHANT_AUTH,
      data: { amount, currency: "RUB", customer_id: uniqueId("e2e-pay-cust"), merchant_order_id: uniqueId("e2e-pay"), ...extra },
    });
    expect(response.status(), await response.text()).toBe(201);
    const order = (await response.json()) as Payin;
    if (order.status === "awaiting_payment") return order;
    await request.post(`/api/v1/payin/${order.id}/cancel`, { headers: DEMO_MERCHANT_AUTH, data: {} });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("no pay-in was matched to the routing requisite");
}

/** The store's own site: a local HTTP server whose /return page the customer lands on. */
async function startStore() {
  const hits: { path: string; referer: string | undefined }[] = [];
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? "", referer: req.headers.referer });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>Store</title><h1>Back in the store</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/return`;
  return { url, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A JPEG-signed buffer of `size` bytes (the server checks the type by the first bytes). */
function jpeg(size: number): Buffer {
  const bytes = crypto.randomBytes(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

function png(size: number): Buffer {
  const bytes = crypto.randomBytes(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52], 0);
  return bytes;
}

/** A card number as the page prints it: groups of four. */
const grouped = (number: string) => number.replace(/(\d{4})(?=\d)/g, "$1 ");

/** Kopecks as Intl prints them in English: 23456789 → "234,567.89". */
const rub = (kopecks: number) => `${Math.floor(kopecks / 100).toLocaleString("en-US")}.${String(kopecks % 100).padStart(2, "0")}`;

test("a customer pays on the hosted page: copy, I have paid, receipt, trader confirms, back to the store", async ({ page, context, request }, testInfo) => {
  test.setTimeout(120_000);
  const store = await startStore();
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, range(0));
  try {
    const order = await createRoutedPayin(request, 0, { return_url: store.url });
    expect(order.requisite?.number, "routed to the spec's own requisite").toBe(requisite.number);
    expect(order.payment_url).toMatch(/^http:\/\/localhost:\d+\/pay\/[A-Za-z0-9_-]{43}$/);

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(order.payment_url);
    const status = page.getByTestId("payment-status");
    await expect(status).toHaveAttribute("data-status", "awaiting_payment");
    await expect(status).toContainText("Waiting for your payment");
    await expect(page.getByTestId("payment-amount")).toContainText(rub(order.amount));
    await expect(page.getByTestId("requisite-number")).toHaveText(grouped(requisite.number));
    await expect(page.getByText("E2E ROUTE")).toBeVisible();
    await expect(page.getByTestId("payment-countdown")).toHaveText(/\d+:\d\d/);
    await expect(page.getByRole("list")).toContainText("Send exactly");
    await expectFitsWidth(page, "the payment page");

    const copy = page.getByRole("button", { name: "Copy Card number" });
    await waitForHydration(copy);
    await copy.click();
    await expect(copy).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(requisite.number);
    await saveScreenshot(page, testInfo, "payment-page");

    await page.getByRole("button", { name: "I have paid" }).click();
    await expect(status).toHaveAttribute("data-status", "paid");
    await expect(status).toContainText("Checking your payment");
    // From here on the requisite is no longer sent, nor shown.
    await expect(page.getByTestId("requisite-number")).toHaveCount(0);
    expect((await queryOne<{ status: string }>(`SELECT status FROM incoming_orders WHERE id = $1`, [order.id]))?.status).toBe("paid");

    await page.getByLabel("Choose a file or photo").setInputFiles({ name: "receipt.jpg", mimeType: "image/jpeg", buffer: jpeg(2 * 1024 * 1024) });
    await expect(page.getByText("1 receipt uploaded.")).toBeVisible({ timeout: 20_000 });
    const receipt = await queryOne<{ uploaded_via: string; content_type: string; size_bytes: number }>(
      `SELECT uploaded_via, content_type, size_bytes FROM receipts WHERE order_id = $1`,
      [order.id],
    );
    expect(receipt).toEqual({ uploaded_via: "customer_page", content_type: "image/jpeg", size_bytes: 2 * 1024 * 1024 });

    const confirmed = await request.post(`/api/v1/trader/orders/${order.id}/confirm`, { headers: TRADER_AUTH });
    expect(confirmed.status(), await confirmed.text()).toBe(200);
    await expect(status).toHaveAttribute("data-status", "completed", { timeout: 10_000 });
    await expect(status).toContainText("Payment received");
    const back = page.getByRole("link", { name: "Return to the store" });
    await expect(back).toHaveAttribute("href", store.url);
    await expect(page.getByText(/Returning you to the store in \d s/)).toBeVisible();
    await page.waitForURL(store.url, { timeout: 15_000 });
    await expect(page.getByRole("heading", { name: "Back in the store" })).toBeVisible();
    // Landed once, and the page's address (its token) did not follow as a Referer.
    expect(store.hits.filter((hit) => hit.path !== "/favicon.ico")).toEqual([{ path: "/return", referer: undefined }]);
  } finally {
    await switchOffRequisite(db, requisite.id);
    await db.end();
    await store.close();
  }
});

test("an ended order's page shows no card number, in the HTML or the JSON", async ({ page, request }) => {
  test.setTimeout(60_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, range(1));
  try {
    const order = await createRoutedPayin(request, 1);
    const token = order.payment_url.split("/pay/")[1];
    await page.goto(`/pay/${token}`);
    await expect(page.getByTestId("requisite-number")).toHaveText(grouped(requisite.number));

    // The deadline passes while the page is open: it says so and the number goes away.
    await db.query(`UPDATE incoming_orders SET expires_at = now() - interval '1 second' WHERE id = $1`, [order.id]);
    const status = page.getByTestId("payment-status");
    await expect(status).toHaveAttribute("data-status", "expired", { timeout: 10_000 });
    await expect(status).toContainText("Time is up");
    await expect(page.getByTestId("requisite-number")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "I have paid" })).toHaveCount(0);

    const digits = requisite.number.replace(/\s+/g, "");
    const html = await (await request.get(`/pay/${token}`)).text();
    expect(html).not.toContain(digits);
    expect(html).not.toContain(grouped(digits));
    expect(html).not.toContain("E2E ROUTE");
    const state = await request.get(`/api/pay/${token}`);
    expect(await state.json()).toMatchObject({ status: "expired", requisite: null });
    expect(await state.text()).not.toContain(digits);
    // Without a return_url the page just shows the result.
    await expect(page.getByRole("link", { name: "Return to the store" })).toHaveCount(0);
    const paid = await request.post(`/api/pay/${token}/paid`, { data: {} });
    expect(paid.status()).toBe(409);
  } finally {
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

test("the page speaks Russian by Accept-Language, and the switch changes it", async ({ browser, request }) => {
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, range(2));
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "ru-RU", extraHTTPHeaders: { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" } });
  try {
    const order = await createRoutedPayin(request, 2);
    const page = await context.newPage();
    await page.goto(order.payment_url);
    await expect(page.locator("html")).toHaveAttribute("lang", "ru");
    await expect(page.getByRole("heading", { level: 1, name: "Сумма к оплате" })).toBeVisible();
    await expect(page.getByTestId("payment-status")).toContainText("Ожидаем оплату");
    await expect(page.getByRole("button", { name: "Я оплатил" })).toBeVisible();
    await expect(page.getByText("Номер карты", { exact: true })).toBeVisible();
    await expectFitsWidth(page, "the payment page in Russian");

    const switcher = page.getByTestId("locale-switcher");
    await waitForHydration(switcher);
    await switcher.selectOption("en");
    await expect(page.getByRole("heading", { level: 1, name: "Amount to pay" })).toBeVisible();
    await expect(page.getByRole("button", { name: "I have paid" })).toBeVisible();
  } finally {
    await context.close();
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

test("the page is never indexed nor referred, and an unknown token is the ordinary 404", async ({ page, request }) => {
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, range(3));
  try {
    const order = await createRoutedPayin(request, 3);
    // Neither the nonce CSP nor hydration complains: the page's scripts, theme script, polling and fonts all load.
    const complaints: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || /Content Security Policy|Refused to/i.test(message.text())) complaints.push(message.text());
    });
    page.on("pageerror", (error) => complaints.push(String(error)));
    const response = await page.goto(order.payment_url);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await waitForHydration(page.getByRole("button", { name: "I have paid" }));
    await page.waitForLoadState("networkidle");
    expect(complaints, "console errors on the payment page").toEqual([]);
    // Nothing about the store: not its name, nor the merchant's ids.
    const html = await page.content();
    expect(html).not.toContain("Demo Store");
    expect(html).not.toContain(order.id);

    const unknown = await page.goto(`/pay/${crypto.randomBytes(32).toString("base64url")}`);
    expect(unknown?.status()).toBe(404);
    expect(unknown!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
    await expect(page.getByRole("heading", { name: "404 — Page not found" })).toBeVisible();
    const api = await request.get(`/api/pay/${crypto.randomBytes(32).toString("base64url")}`);
    expect(api.status()).toBe(404);
    expect((await api.json()).error.code).toBe("order_not_found");
  } finally {
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

test("a 5 MB PNG uploaded from the page is visible to support", async ({ page, request, browser }) => {
  test.setTimeout(90_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, range(4));
  const support = await browser.newContext({ storageState: sessionFile("support") });
  try {
    const order = await createRoutedPayin(request, 4);
    await page.goto(order.payment_url);
    const input = page.getByLabel("Choose a file or photo");
    await waitForHydration(input);
    const file = png(5 * 1024 * 1024);
    await input.setInputFiles({ name: "transfer.png", mimeType: "image/png", buffer: file });
    await expect(page.getByText("1 receipt uploaded.")).toBeVisible({ timeout: 30_000 });

    const { rows: [receipt] } = await db.query<{ id: number }>(`SELECT id FROM receipts WHERE order_id = $1 AND uploaded_via = 'customer_page'`, [order.id]);
    const served = await support.request.get(`/support/receipts/${receipt.id}`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    const body = await served.body();
    expect(body.length).toBe(file.length);
    expect(body.equals(file)).toBe(true);

    const supportPage = await support.newPage();
    await supportPage.goto(`/support/orders/${order.id}`);
    await expect(supportPage.getByText("customer (payment page)")).toBeVisible();
  } finally {
    await support.close();
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

test("dark and keyboard-only: the page follows the OS theme, and Tab and Enter pay", async ({ page, request }, testInfo) => {
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, range(5));
  try {
    const order = await createRoutedPayin(request, 5);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(order.payment_url);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    const luminance = await page.evaluate(() => {
      const probe = document.createElement("canvas").getContext("2d")!;
      probe.fillStyle = getComputedStyle(document.body).backgroundColor;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    expect(luminance).toBeLessThan(0.2);
    await saveScreenshot(page, testInfo, "payment-page-dark");

    const paid = page.getByRole("button", { name: "I have paid" });
    await waitForHydration(paid);
    // Tab from the top of the page until "I have paid" has the focus; every stop on the way is visible.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await paid.evaluate((el) => el === document.activeElement);
    }
    expect(reached, "I have paid is reachable with Tab").toBe(true);
    expect(await paid.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "paid");
    // The pressed button is gone: the focus lands on the new status, not on the top of the page.
    await expect(page.getByTestId("payment-status")).toBeFocused();
    // The receipt's file input is in the tab order too (visually hidden, its label shows the focus).
    await page.getByLabel("Choose a file or photo").focus();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("file");
  } finally {
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

