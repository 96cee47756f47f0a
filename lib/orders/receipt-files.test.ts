// Receipt files end to end below HTTP: a multipart upload streamed into storage
// (receiveUploadedFile), the row (storeReceipt), the same file on two orders flagged to support
// on both, and who may fetch the bytes (getViewableReceipt / receiptResponse).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { receiveUploadedFile } from "@/lib/files/receive-upload";
import { getFileStorage } from "@/lib/files/get-file-storage";
import { storeFileBytes } from "@/lib/files/store-file-bytes";
import { getDispute } from "@/lib/disputes/get-dispute";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { receiptResponse } from "@/lib/web/receipt-response";
import { createAdmin, createSupport, createUser, openDispute } from "@/lib/testing";
import { assignedPayout, matchedPayin, setupReference, storeWithBalance, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { receiptBytes } from "@/lib/testing/receipt-bytes";
import { SAMPLE_FILES } from "@/lib/testing/sample-files";
import { getSupportOrder } from "./get-support-order";
import { getViewableReceipt, type ReceiptViewer } from "./get-viewable-receipt";
import { markPayoutPaid } from "./mark-payout-paid";
import { storeReceipt } from "./store-receipt";

let currencies: Currencies;
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

beforeAll(async () => {
  ({ currencies } = await setupReference());
});

/** A multipart/form-data request as a browser's FormData makes it. */
function uploadRequest(parts: Record<string, Blob | string>, fileNames: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, fileNames[name] ?? "upload.bin");
  }
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

/** A multipart body written by hand and sent as a stream without Content-Length (as a chunked upload). */
function chunkedUpload(file: { name: string; chunks: () => AsyncGenerator<Uint8Array> }) {
  const boundary = "----jivapay-test-boundary";
  const encoder = new TextEncoder();
  async function* body() {
    yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: image/png\r\n\r\n`);
    yield* file.chunks();
    yield encoder.encode(`\r\n--${boundary}--\r\n`);
  }
  const iterator = body();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return new Request("http://localhost/upload", { method: "POST", body: stream, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
}

async function setMaxBytes(value: number) {
  await prisma.configurationSetting.upsert({ where: { key: "receipts.max_bytes" }, create: { key: "receipts.max_bytes", value }, update: { value } });
  invalidateSettings();
}

const storedFiles = () => {
  const dir = process.env.FILE_STORAGE_DIR!;
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];
};

describe("receiveUploadedFile", () => {
  it("streams the first file part into storage: type from the bytes, size and SHA-256 recorded", async () => {
    const data = Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(200_000, 3)]);
    const stored = await receiveUploadedFile(uploadRequest({ note: "hi", file: new Blob([data], { type: "application/pdf" }) }, { file: "чек 12:03.png" }));
    expect(stored).toMatchObject({ storageDriver: "fs", fileName: "чек 12:03.png", contentType: "image/png", sizeBytes: data.length, sha256: sha256(data) });
    expect(stored.storageKey).not.toContain("чек");
    expect(await receiptBytes({ data: null, ...stored })).toEqual(data);
    await getFileStorage().delete(stored.storageKey);
  });

  it("takes each accepted kind, and the part named by `field`", async () => {
    for (const [kind, sample] of Object.entries(SAMPLE_FILES)) {
      const stored = await receiveUploadedFile(uploadRequest({ receipt: new Blob([sample]) }, { receipt: `x.${kind}` }), { field: "receipt" });
      expect(stored.contentType, kind).toBe({ jpeg: "image/jpeg", png: "image/png", webp: "image/webp", heic: "image/heic", heif: "image/heif", pdf: "application/pdf" }[kind]);
      await getFileStorage().delete(stored.storageKey);
    }
  });

  it("refuses with 4xx and leaves nothing stored: no file, not multipart, HTML named .png, too large", async () => {
    const before = storedFiles();
    await expect(receiveUploadedFile(uploadRequest({ note: "no file" }))).rejects.toMatchObject({ code: "file_missing", status: 422 });
    await expect(receiveUploadedFile(uploadRequest({ other: new Blob([SAMPLE_FILES.png]) }))).rejects.toMatchObject({ code: "file_missing", status: 422 });
    // What a form with its file input left empty sends: a part without a file name or bytes.
    await expect(receiveUploadedFile(uploadRequest({ file: new Blob([]) }, { file: "" }))).rejects.toMatchObject({ code: "file_missing", message: "Attach a file (a JPEG, PNG, WebP, HEIC/HEIF image or a PDF)." });
    await expect(receiveUploadedFile(new Request("http://localhost/upload", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }))).rejects.toMatchObject({ code: "invalid_upload", status: 400 });
    const html = new Blob(["<!doctype html><html><script>fetch('/api/v1/balance')</script></html>"], { type: "image/png" });
    await expect(receiveUploadedFile(uploadRequest({ file: html }, { file: "receipt.png" }))).rejects.toMatchObject({ code: "unsupported_file_type", status: 415 });

    await setMaxBytes(1024 * 1024);
    try {
      // Over the cap by Content-Length: refused before a byte is read.
      await expect(receiveUploadedFile(uploadRequest({ file: new Blob([SAMPLE_FILES.png, new Uint8Array(2 * 1024 * 1024)]) }))).rejects.toMatchObject({ code: "file_too_large", status: 413 });
      // Without a Content-Length: refused at the first byte over, while the body still arrives.
      let sent = 0;
      const error = await receiveUploadedFile(
        chunkedUpload({
          name: "big.png",
          chunks: async function* () {
            yield SAMPLE_FILES.png;
            // 16 MiB at the pace of a slow connection: the refusal must come long before its end.
            for (let i = 0; i < 256; i++) {
              await new Promise((resolve) => setTimeout(resolve, 2));
              sent += 64 * 1024;
              yield new Uint8Array(64 * 1024);
            }
          },
        }),
      ).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "file_too_large", status: 413, message: "The file is larger than 1 MiB; receipts may be at most 1048576 bytes." });
      expect(sent).toBeLessThan(4 * 1024 * 1024);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the rest of the body drains, and is not stored
    } finally {
      await setMaxBytes(10 * 1024 * 1024);
    }
    expect(storedFiles()).toEqual(before);
  });
});

describe("storeReceipt", () => {
  it("records where the bytes are; a transaction that fails deletes the stored file", async () => {
    const store = await storeWithBalance(currencies);
    const { requisite } = await traderWithRequisite(currencies);
    const order = await matchedPayin(currencies, store, requisite, 150_000n);
    const file = await storeFileBytes({ fileName: "t.pdf", data: SAMPLE_FILES.pdf });

    await expect(
      runTransaction(async (tx) => {
        await storeReceipt(tx, order.id, "merchant_api", { type: "merchant_api" }, file);
        throw new Error("the order moved on");
      }),
    ).rejects.toThrow("the order moved on");
    expect(await getFileStorage().get(file.storageKey)).toBeNull();
    expect(await prisma.receipt.count({ where: { orderId: order.id } })).toBe(0);

    const kept = await storeFileBytes({ fileName: "t.pdf", data: SAMPLE_FILES.pdf });
    const row = await runTransaction((tx) => storeReceipt(tx, order.id, "merchant_api", { type: "merchant_api" }, kept));
    expect(await prisma.receipt.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      data: null,
      storageDriver: "fs",
      storageKey: kept.storageKey,
      contentType: "application/pdf",
      sizeBytes: SAMPLE_FILES.pdf.length,
      sha256: sha256(SAMPLE_FILES.pdf),
    });
  });
});

describe("the same file on two orders", () => {
  it("is flagged to support on both orders and on the dispute page", async () => {
    const store = await storeWithBalance(currencies);
    const { requisite } = await traderWithRequisite(currencies);
    const first = await matchedPayin(currencies, store, requisite, 151_000n);
    const second = await matchedPayin(currencies, store, requisite, 152_000n);
    const unrelated = await matchedPayin(currencies, store, requisite, 153_000n);
    const screenshot = Buffer.concat([SAMPLE_FILES.jpeg, Buffer.from("the same screenshot")]);
    const put = async (orderId: string, data: Buffer) =>
      runTransaction(async (tx) => storeReceipt(tx, orderId, "customer_page", { type: "customer" }, await storeFileBytes({ fileName: "screen.jpg", data })));
    const a = await put(first.id, screenshot);
    const b = await put(second.id, screenshot);
    await put(unrelated.id, SAMPLE_FILES.png);
    const dispute = await openDispute(prisma, second, { reason: "customer says paid" });

    const support = await createSupport(prisma);
    const firstPage = await getSupportOrder(support.user.id, first.id);
    const secondPage = await getSupportOrder(support.user.id, second.id);
    expect(firstPage?.receipts).toEqual([expect.objectContaining({ id: a.id, sameFileAs: [{ orderId: second.id, receiptId: b.id }] })]);
    expect(secondPage?.receipts).toEqual([expect.objectContaining({ id: b.id, sameFileAs: [{ orderId: first.id, receiptId: a.id }] })]);
    expect((await getSupportOrder(support.user.id, unrelated.id))?.receipts[0].sameFileAs).toEqual([]);
    const disputePage = await getDispute(support.user.id, dispute.id);
    expect(disputePage?.orderReceipts).toEqual([expect.objectContaining({ id: b.id, sameFileAs: [{ orderId: first.id, receiptId: a.id }] })]);
  });
});

describe("who may fetch a receipt", () => {
  it("its trader, its store's merchant, support with receipts.read and an admin; anyone else gets 404", async () => {
    const store = await storeWithBalance(currencies);
    const merchant: ReceiptViewer = { id: store.userId, role: "merchant", traderId: null, mayReadReceipts: false };
    const owner = await traderWithRequisite(currencies);
    const payout = await assignedPayout(currencies, store, owner.requisite, 160_000n);
    await markPayoutPaid(payout.id, owner.trader.id, { ...owner.actor, role: "trader" }, { fileName: "transfer.png", data: SAMPLE_FILES.png });
    const receipt = await prisma.receipt.findFirstOrThrow({ where: { orderId: payout.id } });

    const otherTrader = await traderWithRequisite(currencies);
    const otherMerchant = await createUser(prisma, { role: "merchant" });
    const support = await createSupport(prisma);
    const admin = await createAdmin(prisma);
    const allowed: ReceiptViewer[] = [
      { id: owner.trader.userId, role: "trader", traderId: owner.trader.id, mayReadReceipts: false },
      merchant,
      { id: support.user.id, role: "support", traderId: null, mayReadReceipts: true },
      { id: admin.user.id, role: "admin", traderId: null, mayReadReceipts: false },
    ];
    const refused: ReceiptViewer[] = [
      { id: otherTrader.trader.userId, role: "trader", traderId: otherTrader.trader.id, mayReadReceipts: false },
      // A session claiming someone else's trader profile is checked against the database.
      { id: otherTrader.trader.userId, role: "trader", traderId: owner.trader.id, mayReadReceipts: false },
      { id: otherMerchant.id, role: "merchant", traderId: null, mayReadReceipts: false },
      { id: support.user.id, role: "support", traderId: null, mayReadReceipts: false },
      { id: otherMerchant.id, role: "support", traderId: null, mayReadReceipts: true },
      { id: otherMerchant.id, role: "teamlead", traderId: null, mayReadReceipts: true },
    ];
    for (const viewer of allowed) {
      expect(await getViewableReceipt(viewer, receipt.id), viewer.role).toMatchObject({ fileName: "transfer.png", contentType: "image/png" });
      const response = await receiptResponse(viewer, String(receipt.id), { download: false });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(SAMPLE_FILES.png);
    }
    for (const viewer of refused) {
      await expect(getViewableReceipt(viewer, receipt.id), `${viewer.role} ${viewer.id}`).rejects.toMatchObject({ code: "receipt_not_found", status: 404 });
      expect((await receiptResponse(viewer, String(receipt.id), { download: false })).status).toBe(404);
    }
    expect((await receiptResponse(merchant, "0", { download: false })).status).toBe(404);
    expect((await receiptResponse(merchant, "12abc", { download: false })).status).toBe(404);
    expect((await receiptResponse(merchant, "999999999", { download: false })).status).toBe(404);
  });

  it("serves images inline in a sandbox, PDFs and legacy rows as attachments, never sniffed or cached", async () => {
    const store = await storeWithBalance(currencies);
    const { requisite } = await traderWithRequisite(currencies);
    const order = await matchedPayin(currencies, store, requisite, 170_000n);
    const merchant: ReceiptViewer = { id: store.userId, role: "merchant", traderId: null, mayReadReceipts: false };
    const png = await runTransaction(async (tx) => storeReceipt(tx, order.id, "customer_page", { type: "customer" }, await storeFileBytes({ fileName: "a.png", data: SAMPLE_FILES.png })));
    const pdf = await runTransaction(async (tx) => storeReceipt(tx, order.id, "customer_page", { type: "customer" }, await storeFileBytes({ fileName: "выписка.pdf", data: SAMPLE_FILES.pdf })));
    // A row written before files moved out of the database.
    const legacy = await prisma.receipt.create({
      data: { orderId: order.id, uploadedVia: "merchant_api", fileName: "old.jpg", contentType: "image/jpeg", sizeBytes: SAMPLE_FILES.jpeg.length, sha256: sha256(SAMPLE_FILES.jpeg), data: new Uint8Array(SAMPLE_FILES.jpeg) },
    });

    const image = await receiptResponse(merchant, String(png.id), { download: false });
    expect(Object.fromEntries(image.headers)).toMatchObject({
      "content-type": "image/png",
      "content-disposition": `inline; filename="a.png"; filename*=UTF-8''a.png`,
      "content-security-policy": expect.stringContaining("sandbox"),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect((await receiptResponse(merchant, String(png.id), { download: true })).headers.get("content-disposition")).toMatch(/^attachment;/);
    const document = await receiptResponse(merchant, String(pdf.id), { download: false });
    expect(document.headers.get("content-type")).toBe("application/pdf");
    expect(document.headers.get("content-disposition")).toBe(`attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent("выписка.pdf")}`);
    expect(Buffer.from(await document.arrayBuffer())).toEqual(SAMPLE_FILES.pdf);
    const old = await receiptResponse(merchant, String(legacy.id), { download: false });
    expect(old.status).toBe(200);
    expect(Buffer.from(await old.arrayBuffer())).toEqual(SAMPLE_FILES.jpeg);
  });
});
