// Contract of POST /api/v1/payin/{id}/dispute through the real route handler against this
// file's own PostgreSQL database: success shape, every error code, idempotency, and the
// OpenAPI document describing it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { receiptBytes } from "@/lib/testing/receipt-bytes";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { expireOrder } from "@/lib/orders/expire-due-orders";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as confirmPayinRoute } from "@/app/api/v1/payin/[id]/confirm/route";
import { POST as disputeRoute } from "@/app/api/v1/payin/[id]/dispute/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { uniqueId } from "@/lib/testing";
import { TINY_PNG_BASE64, call, expectErrorShape, payinBody, payoutBody, unknownOrderId } from "@/lib/testing/api";
import { creditStoreUsdt, setupReference, storeWithApiKey, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

const EVIDENCE = { file_name: "transfer.png", content_type: "image/png", content_base64: TINY_PNG_BASE64 };

let currencies: Currencies;
let A: Awaited<ReturnType<typeof storeWithApiKey>>;
let B: Awaited<ReturnType<typeof storeWithApiKey>>;
let amountSeq = 0;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  A = await storeWithApiKey();
  B = await storeWithApiKey();
  await traderWithRequisite(currencies);
});

afterAll(async () => {
  expect(await checkLedger(prisma)).toEqual([]);
});

async function payin(status: "awaiting_payment" | "paid") {
  const created = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body: payinBody({ amount: 100_000 + ++amountSeq * 100 }) });
  expect(created.status, created.text).toBe(201);
  const id: string = created.json.id;
  if (status === "paid") {
    const confirmed = await call(confirmPayinRoute, "POST", `/api/v1/payin/${id}/confirm`, { key: A.key, params: { id }, body: {} });
    expect(confirmed.status, confirmed.text).toBe(200);
  }
  return id;
}

function dispute(id: string, body: unknown, options: { key?: string | null; headers?: Record<string, string>; raw?: string } = {}) {
  return call(disputeRoute, "POST", `/api/v1/payin/${id}/dispute`, { key: options.key === undefined ? A.key : options.key, params: { id }, body, raw: options.raw, headers: options.headers });
}

describe("POST /payin/{id}/dispute", () => {
  it("disputes a paid pay-in: 200 with the order (status disputed) and its dispute", async () => {
    const id = await payin("paid");
    const response = await dispute(id, { reason: "The customer paid at 12:03 from Sber", evidence: [EVIDENCE] });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({
      id,
      object: "payin",
      status: "disputed",
      expires_at: null,
      dispute: { id: expect.any(Number), status: "open", opened_via: "merchant_api", reason: "The customer paid at 12:03 from Sber", evidence_count: 1 },
    });
    expect(Date.parse(response.json.dispute.created_at)).not.toBeNaN();
    const receipt = await prisma.receipt.findFirstOrThrow({ where: { disputeId: response.json.dispute.id } });
    expect(receipt).toMatchObject({ orderId: id, fileName: "transfer.png", contentType: "image/png", uploadedVia: "merchant_api", uploadedById: A.store.userId });
    expect((await receiptBytes(receipt)).equals(Buffer.from(TINY_PNG_BASE64, "base64"))).toBe(true);
  });

  it("works without evidence, with a reason of several lines", async () => {
    const id = await payin("paid");
    const response = await dispute(id, { reason: "No receipt.\nThe customer insists they paid at 12:03." });
    expect(response.status, response.text).toBe(200);
    expect(response.json.dispute).toMatchObject({ evidence_count: 0, reason: "No receipt.\nThe customer insists they paid at 12:03." });
  });

  it("409 invalid_state for a pay-in that is not paid; 409 dispute_open for a second dispute", async () => {
    const awaiting = await payin("awaiting_payment");
    expectErrorShape(await dispute(awaiting, { reason: "paid" }), 409, "invalid_state");
    expect(await prisma.dispute.count({ where: { orderId: awaiting } })).toBe(0);

    const paid = await payin("paid");
    expect((await dispute(paid, { reason: "first" })).status).toBe(200);
    expectErrorShape(await dispute(paid, { reason: "second", evidence: [EVIDENCE] }), 409, "dispute_open");
    expect(await prisma.dispute.count({ where: { orderId: paid } })).toBe(1);
  });

  it("joins a dispute the platform opened when the trader did not confirm in time", async () => {
    const id = await payin("paid");
    expect(await expireOrder(id, new Date(Date.now() + 24 * 3600_000))).toBe("disputed");
    const response = await dispute(id, { reason: "Statement attached", evidence: [EVIDENCE] });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ status: "disputed", dispute: { opened_via: "merchant_api", reason: "Statement attached", evidence_count: 1 } });
  });

  it("404 for another store's pay-in, an unknown one, a payout id and a malformed id", async () => {
    const id = await payin("paid");
    expectErrorShape(await dispute(id, { reason: "not mine" }, { key: B.key }), 404, "order_not_found");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id } })).status).toBe("paid");
    expectErrorShape(await dispute(unknownOrderId("pi_"), { reason: "x" }), 404, "order_not_found");
    await creditStoreUsdt(currencies, A.store.id, 1_000_000_000n);
    const payout = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: A.key, body: payoutBody({ amount: 100_000 + ++amountSeq * 100 }) });
    expect(payout.status, payout.text).toBe(201);
    expectErrorShape(await dispute(payout.json.id, { reason: "x" }), 404, "order_not_found");
    expectErrorShape(await dispute("pi_nope", { reason: "x" }), 404, "order_not_found");
  });

  it("401 without a valid key", async () => {
    const id = await payin("paid");
    expectErrorShape(await dispute(id, { reason: "x" }, { key: null }), 401);
    expectErrorShape(await dispute(id, { reason: "x" }, { key: `jp_test_${"Z".repeat(32)}` }), 401, "invalid_api_key");
  });

  it("422 for a bad reason or bad evidence, naming the field; 400 for malformed JSON; nothing written", async () => {
    const id = await payin("paid");
    const cases: [unknown, string, string][] = [
      [{}, "invalid_type", "reason"],
      [{ reason: "   " }, "invalid_value", "reason"],
      [{ reason: "x".repeat(2001) }, "invalid_value", "reason"],
      [{ reason: "nul\u0000byte" }, "invalid_value", "reason"],
      [{ reason: "x", extra: 1 }, "invalid_value", ""],
      [{ reason: "x", evidence: [{ ...EVIDENCE, content_type: "text/html" }] }, "invalid_value", "evidence.0.content_type"],
      [{ reason: "x", evidence: [{ ...EVIDENCE, content_base64: "not base64!" }] }, "invalid_value", "evidence.0.content_base64"],
      // Files up to receipts.max_bytes (10 MiB) are taken inline now; these zero bytes are no accepted kind of file.
      [{ reason: "x", evidence: [{ ...EVIDENCE, content_base64: "A".repeat(56_004) }] }, "invalid_evidence", "evidence.0.content"],
      [{ reason: "x", evidence: [EVIDENCE, EVIDENCE, EVIDENCE, EVIDENCE] }, "invalid_value", "evidence"],
      [{ reason: "x", evidence: [{ ...EVIDENCE, content_base64: Buffer.from("<html></html>").toString("base64") }] }, "invalid_evidence", "evidence.0.content"],
    ];
    for (const [body, code, param] of cases) {
      const error = expectErrorShape(await dispute(id, body), 422, code);
      if (param) expect(error.param, JSON.stringify(body).slice(0, 80)).toBe(param);
    }
    expectErrorShape(await dispute(id, undefined, { raw: "{reason:" }), 400, "invalid_json");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id } })).status).toBe("paid");
    expect(await prisma.dispute.count({ where: { orderId: id } })).toBe(0);
  });

  it("Idempotency-Key: the same request again replays the first answer; another body is a conflict", async () => {
    const id = await payin("paid");
    const headers = { "idempotency-key": uniqueId("dispute") };
    const body = { reason: "Customer paid", evidence: [EVIDENCE] };
    const first = await dispute(id, body, { headers });
    expect(first.status, first.text).toBe(200);
    const replay = await dispute(id, body, { headers });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(first.text);
    expectErrorShape(await dispute(id, { reason: "Something else" }, { headers }), 409, "idempotency_conflict");
    expect(await prisma.dispute.count({ where: { orderId: id } })).toBe(1);
    expect(await prisma.receipt.count({ where: { orderId: id } })).toBe(1);
  });

  it("is in the OpenAPI document with the handler's own limits", () => {
    const doc = buildOpenApiDocument() as unknown as {
      paths: Record<string, { post?: { requestBody: { content: { "application/json": { schema: { $ref: string } } } }; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, { maxLength?: number; maxItems?: number }>; required: string[] }> };
    };
    const operation = doc.paths["/api/v1/payin/{id}/dispute"]?.post;
    expect(operation?.requestBody.content["application/json"].schema.$ref).toBe("#/components/schemas/OpenDispute");
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(["200", "401", "404", "409", "422"]));
    const schema = doc.components.schemas.OpenDispute;
    expect(schema.required).toEqual(["reason"]);
    expect(schema.properties.reason.maxLength).toBe(2000);
    expect(schema.properties.evidence.maxItems).toBe(3);
    expect(doc.components.schemas.DisputedOrder.required).toEqual(expect.arrayContaining(["id", "status", "dispute"]));
  });
});
