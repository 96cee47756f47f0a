// Receipt files over the real app: the demo trader uploads a 5 MB PNG as a payout receipt from
// the cabinet (multipart, streamed into file storage, not through a server action) and support
// opens it byte for byte; a file over receipts.max_bytes (10 MiB) is refused with the same clear
// message by the dialog's own check and by the server. Payouts are routed to a requisite of the
// spec's own (an amount range no seeded requisite accepts), so other specs are not disturbed.
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type pg from "pg";
import { waitForHydration } from "../helpers/cabinets";
import { openDb } from "../helpers/db";
import { sessionFile } from "../helpers/run";
import { cancelPayout, createOfferedPayout, DEMO_TRADER_AUTH, finishPayout } from "../trader/payout-data";
import { addRoutingRequisite, demoTraderId, switchOffRequisite } from "../trader/trader-data";

test.use({ storageState: sessionFile("trader") });

/** Kopecks: 104 000.01 – 104 999.99 RUB, above every seeded requisite and apart from other specs' ranges. */
const RANGE = { min: 10_400_001n, max: 10_499_999n };
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** A PNG signature followed by `size` bytes in all: what the server's type check reads. */
function pngOf(size: number): Buffer {
  const data = randomBytes(size);
  Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").copy(data);
  return data;
}

/** A payout offered to the demo trader and accepted in the cabinet; the upload dialog open on it. */
async function acceptedPayout(page: Page, request: APIRequestContext, db: pg.Client) {
  await page.goto("/trader");
  await waitForHydration(page.getByTestId("sound-toggle"));
  const destination = { type: "card" as const, number: "2200 7000 5555 0001", holder: "OLGA F.", bank: "Alfa-Bank" };
  const payout = await createOfferedPayout(request, db, { range: RANGE, traderId: await demoTraderId(db), destination });
  const card = page.getByRole("main").locator(`[data-testid="queue-order"][data-order-id="${payout.id}"]`);
  await expect(card).toBeVisible({ timeout: 5000 });
  await card.getByRole("button", { name: "Accept" }).click();
  await expect(card.getByTestId("queue-order-destination")).toHaveText(destination.number);
  await card.getByRole("button", { name: "Upload receipt" }).click();
  return { payout, card, dialog: page.getByRole("dialog") };
}

test("the trader uploads a 5 MB PNG receipt and support opens the same bytes", async ({ page, request, browser }) => {
  test.setTimeout(90_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, RANGE);
  let payoutId: string | undefined;
  try {
    const { payout, card, dialog } = await acceptedPayout(page, request, db);
    payoutId = payout.id;
    await expect(dialog.getByText("JPEG, PNG, WebP, HEIC or PDF, up to 10 MiB.")).toBeVisible();
    const png = pngOf(5 * 1024 * 1024);
    await dialog.getByLabel("Receipt (image or PDF)").setInputFiles({ name: "перевод 5MB.png", mimeType: "image/png", buffer: png });
    const upload = page.waitForRequest((req) => req.url().endsWith(`/api/cabinet/trader/payouts/${payout.id}/receipt`));
    await dialog.getByRole("button", { name: "Mark as paid" }).click();
    expect((await upload).headers()["content-type"], "sent as multipart, not through a server action").toMatch(/^multipart\/form-data; boundary=/);
    await expect(page.getByText(`Payout ${payout.id} marked as paid.`)).toBeVisible({ timeout: 20_000 });
    await expect(card.locator('[data-status="paid"]')).toBeVisible();

    const { rows: receipts } = await db.query(
      `SELECT id, uploaded_via, content_type, size_bytes, file_name, sha256, data IS NULL AS outside_row, storage_driver FROM receipts WHERE order_id = $1`,
      [payout.id],
    );
    expect(receipts).toEqual([
      { id: expect.any(Number), uploaded_via: "trader", content_type: "image/png", size_bytes: png.length, file_name: "перевод 5MB.png", sha256: sha256(png), outside_row: true, storage_driver: "fs" },
    ]);

    // Support finds it on the order's page and opens it: the same bytes come back.
    const support = await browser.newContext({ storageState: sessionFile("support") });
    try {
      const supportPage = await support.newPage();
      await supportPage.goto(`/support/orders/${payout.id}`);
      const listed = supportPage.getByTestId("receipt").filter({ hasText: "перевод 5MB.png" });
      await expect(listed).toContainText(`image/png · ${Math.ceil(png.length / 1024)} KB`);
      const href = await listed.getByRole("link", { name: "View" }).getAttribute("href");
      expect(href).toBe(`/support/receipts/${receipts[0].id}`);
      const opened = await support.request.get(href!);
      expect(opened.status()).toBe(200);
      expect(opened.headers()).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff", "cache-control": "private, no-store" });
      expect(opened.headers()["content-security-policy"]).toContain("sandbox");
      expect(sha256(await opened.body()), "support gets the bytes the trader sent").toBe(sha256(png));
      // The shared route (admin and trader cabinets) answers support too.
      const shared = await support.request.get(`/api/files/receipts/${receipts[0].id}`);
      expect(shared.status()).toBe(200);
      expect(sha256(await shared.body())).toBe(sha256(png));
    } finally {
      await support.close();
    }
  } finally {
    if (payoutId) {
      await finishPayout(request, payoutId);
    }
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});

test("a file over 10 MiB is refused with a clear message, in the dialog and by the server", async ({ page, request }) => {
  test.setTimeout(90_000);
  const db = openDb();
  await db.connect();
  const requisite = await addRoutingRequisite(db, RANGE);
  let payoutId: string | undefined;
  try {
    const { payout, dialog } = await acceptedPayout(page, request, db);
    payoutId = payout.id;
    const tooLarge = pngOf(10 * 1024 * 1024 + 1);
    await dialog.getByLabel("Receipt (image or PDF)").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: tooLarge });
    await dialog.getByRole("button", { name: "Mark as paid" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("The file is larger than 10 MiB.");
    // An HTML page named .png is refused by its content, not its name.
    await dialog.getByLabel("Receipt (image or PDF)").setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
    await dialog.getByRole("button", { name: "Mark as paid" }).click();
    await expect(dialog.getByRole("alert")).toContainText("The receipt must be a JPEG, PNG, WebP or HEIC/HEIF image or a PDF");

    // The server refuses the same file in the same words (a client that skips the dialog's check).
    const response = await page.request.post(`/api/cabinet/trader/payouts/${payout.id}/receipt`, { multipart: { receipt: { name: "scan.png", mimeType: "image/png", buffer: tooLarge } } });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ ok: false, message: "The file is larger than 10 MiB.", fieldErrors: { receipt: "The file is larger than 10 MiB." } });
    const { rows: [stored] } = await db.query(`SELECT status, (SELECT count(*)::int FROM receipts WHERE order_id = $1) AS receipts FROM incoming_orders WHERE id = $1`, [payout.id]);
    expect(stored).toEqual({ status: "assigned", receipts: 0 });
  } finally {
    if (payoutId) {
      await request.post(`/api/v1/trader/orders/${payoutId}/release`, { headers: DEMO_TRADER_AUTH, data: {} });
      await cancelPayout(request, payoutId);
    }
    await switchOffRequisite(db, requisite.id);
    await db.end();
  }
});
