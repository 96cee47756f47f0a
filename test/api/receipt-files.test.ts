// The gateway's inline (base64) receipts: now up to receipts.max_bytes (10 MiB), the body limit
// of these routes raised to fit them (64 KiB elsewhere), the type read from the bytes, and the
// file kept in storage rather than in the row.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as confirmPayinRoute } from "@/app/api/v1/payin/[id]/confirm/route";
import { POST as cancelPayinRoute } from "@/app/api/v1/payin/[id]/cancel/route";
import { call, expectErrorShape, payinBody } from "@/lib/testing/api";
import { setupReference, storeWithApiKey, traderWithApiToken } from "@/lib/testing/fixtures";
import { receiptBytes } from "@/lib/testing/receipt-bytes";
import { SAMPLE_FILES } from "@/lib/testing/sample-files";

let A: Awaited<ReturnType<typeof storeWithApiKey>>;
let amount = 200_000;

beforeAll(async () => {
  const reference = await setupReference({ maxOpenOrdersPerRequisite: 100 });
  A = await storeWithApiKey();
  await traderWithApiToken(reference.currencies, { requisite: { paymentMethodId: reference.methods.card.id, bankId: reference.banks.sber.id } });
});

async function payin(): Promise<string> {
  const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body: payinBody({ amount: (amount += 100) }) });
  expect(response.status, response.text).toBe(201);
  return response.json.id;
}

const confirm = (id: string, body: unknown) => call(confirmPayinRoute, "POST", `/api/v1/payin/${id}/confirm`, { key: A.key, params: { id }, body });

describe("POST /payin/{id}/confirm with a receipt", () => {
  it("takes a 5 MiB receipt inline, stores it outside the row with its type from the bytes and its SHA-256", async () => {
    const id = await payin();
    const data = Buffer.concat([SAMPLE_FILES.jpeg, Buffer.alloc(5 * 1024 * 1024, 0x42)]);
    // The sender claims PNG; the bytes say JPEG, and the bytes win.
    const response = await confirm(id, { receipt: { file_name: "photo.png", content_type: "image/png", data_base64: data.toString("base64") } });
    expect(response.status, response.text.slice(0, 300)).toBe(200);
    const row = await prisma.receipt.findFirstOrThrow({ where: { orderId: id } });
    expect(row).toMatchObject({ data: null, storageDriver: "fs", contentType: "image/jpeg", sizeBytes: data.length, sha256: createHash("sha256").update(data).digest("hex") });
    expect((await receiptBytes(row)).equals(data)).toBe(true);
  });

  it("refuses a file over receipts.max_bytes with 413, an HTML page with 415; nothing changes", async () => {
    const id = await payin();
    const tooLarge = Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(10 * 1024 * 1024)]);
    const big = expectErrorShape(await confirm(id, { receipt: { file_name: "big.png", data_base64: tooLarge.toString("base64") } }), 413, "file_too_large");
    expect(big.message).toBe("The file is larger than 10 MiB; receipts may be at most 10485760 bytes.");
    const html = Buffer.from("<!doctype html><script>alert(1)</script>").toString("base64");
    expectErrorShape(await confirm(id, { receipt: { file_name: "receipt.png", content_type: "image/png", data_base64: html } }), 415, "unsupported_file_type");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id } })).status).toBe("awaiting_payment");
    expect(await prisma.receipt.count({ where: { orderId: id } })).toBe(0);
  });

  it("keeps the 64 KiB body limit on routes that take no file", async () => {
    const id = await payin();
    expectErrorShape(await call(cancelPayinRoute, "POST", `/api/v1/payin/${id}/cancel`, { key: A.key, params: { id }, body: { reason: "x".repeat(70_000) } }), 400, "body_too_large");
    // and the confirm route's own limit holds a little above one file at the cap
    expectErrorShape(await confirm(id, { receipt: { file_name: "a.png", data_base64: "A".repeat(15 * 1024 * 1024) } }), 400, "body_too_large");
  });
});
