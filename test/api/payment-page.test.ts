// The hosted payment page's contract (issue 14), through the real route handlers against this
// file's own database: every pay-in gets a token and an absolute payment_url (both insert
// paths, replays included), return_url is validated, the page's JSON shows the requisite only
// while the payment is awaited and nothing about the store, "I have paid" follows the same
// rules as the merchant's confirm for party customer, and receipts upload as multipart.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { appUrl } from "@/lib/email/app-url";
import { createPayin } from "@/lib/orders/create-payin";
import { expireDueOrders } from "@/lib/orders/expire-due-orders";
import { completePayin } from "@/lib/orders/complete-payin";
import { getPaymentPage } from "@/lib/payment-page/get-payment-page";
import { markPaidByCustomer } from "@/lib/payment-page/mark-paid-by-customer";
import { newPaymentToken } from "@/lib/payment-page/new-payment-token";
import { serializeOrder } from "@/lib/orders/serialize-order";
import { createStore } from "@/lib/testing";
import { merchantActor, traderActor } from "@/lib/testing/actors";
import { call, expectErrorShape, payinBody, payoutBody, type Handler } from "@/lib/testing/api";
import { creditStoreUsdt, orderInput, setSetting, setupReference, storeWithApiKey, traderWithApiToken, type Currencies } from "@/lib/testing/fixtures";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { POST as cancelPayinRoute } from "@/app/api/v1/payin/[id]/cancel/route";
import { GET as pageStateRoute } from "@/app/api/pay/[token]/route";
import { POST as pagePaidRoute } from "@/app/api/pay/[token]/paid/route";
import { POST as pageReceiptsRoute } from "@/app/api/pay/[token]/receipts/route";

const customer = { type: "customer", ip: "198.51.100.7", userAgent: "vitest" } as const;
const TOKEN_URL = /\/pay\/([A-Za-z0-9_-]{43})$/;

let currencies: Currencies;
let A: Awaited<ReturnType<typeof storeWithApiKey>>;
let T: Awaited<ReturnType<typeof traderWithApiToken>>;
let amountSeq = 0;
const nextAmount = () => 200_000 + ++amountSeq * 100;

beforeAll(async () => {
  const reference = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 });
  currencies = reference.currencies;
  A = await storeWithApiKey();
  T = await traderWithApiToken(currencies, {
    trader: { trafficPriority: 50 },
    requisite: { paymentMethodId: reference.methods.card.id, bankId: reference.banks.sber.id, details: { number: "2200 1234 5678 9012", holder: "IVAN PETROV" } },
  });
});

/** A matched pay-in of store A through POST /api/v1/payin: its API object and page token. */
async function payinViaApi(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body: payinBody({ amount: nextAmount(), ...overrides }), headers });
  expect(response.status, response.text).toBe(201);
  const token = (response.json.payment_url as string).match(TOKEN_URL)?.[1];
  expect(token).toBeDefined();
  return { order: response.json, token: token! };
}

const page = (handler: Handler | typeof pageStateRoute, method: "GET" | "POST", token: string, init: { body?: unknown } = {}) =>
  call(handler as Handler, method, `/api/pay/${token}`, { params: { token }, body: init.body, headers: { "x-forwarded-for": "198.51.100.7" } });

describe("payment_url", () => {
  it("is an absolute /pay/{token} URL on every pay-in, with a fresh 256-bit token each", async () => {
    const tokens = new Set(Array.from({ length: 50 }, newPaymentToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const { order, token } = await payinViaApi({ return_url: "https://shop.example/thanks" });
    expect(order.status).toBe("awaiting_payment");
    expect(order.payment_url).toBe(appUrl(`/pay/${token}`));
    const row = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.paymentToken).toBe(token);
    expect(row.returnUrl).toBe("https://shop.example/thanks");
  });

  it("is given by both insert paths, and by a pay-in left created for the retry", async () => {
    const store = await createStore(prisma);
    const general = await createPayin({ id: store.id, limits: store.limits, allowAmountAdjustment: false }, { ...orderInput(BigInt(nextAmount())), returnUrl: "https://a.example/" }, merchantActor);
    const fast = await createPayin({ id: store.id, limits: store.limits, allowAmountAdjustment: false, payinCommission: store.payinCommission }, { ...orderInput(BigInt(nextAmount())), returnUrl: "https://b.example/" }, merchantActor);
    // No requisite takes 99 999 999.99 RUB: written, left created, still with its page.
    const unmatched = await createPayin({ id: store.id, limits: store.limits, allowAmountAdjustment: false }, orderInput(9_999_999_999n), merchantActor);
    expect([general.status, fast.status, unmatched.status]).toEqual(["awaiting_payment", "awaiting_payment", "created"]);
    for (const order of [general, fast, unmatched]) {
      expect(order.paymentToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(serializeOrder(order).payment_url).toBe(appUrl(`/pay/${order.paymentToken}`));
    }
    expect((await getPaymentPage(unmatched.paymentToken!)).status).toBe("created");
    expect([general.returnUrl, fast.returnUrl, unmatched.returnUrl]).toEqual(["https://a.example/", "https://b.example/", null]);
  });

  it("is the same in an idempotent replay", async () => {
    const headers = { "idempotency-key": `pay-${Date.now()}` };
    const body = payinBody({ amount: nextAmount(), return_url: "https://shop.example/r" });
    const first = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body, headers });
    const replay = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body, headers });
    expect(first.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.payment_url).toBe(first.json.payment_url);
    expect(first.json.payment_url).toMatch(TOKEN_URL);
  });

  it("is null on payouts", async () => {
    await creditStoreUsdt(currencies, A.store.id, 1_000_000_000n);
    const response = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: A.key, body: payoutBody() });
    expect(response.status, response.text).toBe(201);
    expect(response.json.payment_url).toBeNull();
  });
});

describe("return_url on POST /api/v1/payin", () => {
  it("takes https and http to 127.0.0.1 (outside production), refuses other http and other schemes with 422 naming return_url", async () => {
    await payinViaApi({ return_url: "http://127.0.0.1:4100/return" });
    for (const url of ["http://evil.example/return", "javascript:alert(1)", "data:text/html,hi", 42]) {
      const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body: payinBody({ amount: nextAmount(), return_url: url }) });
      const error = expectErrorShape(response, 422, undefined, "return_url");
      expect(error.message).toContain("return_url");
    }
  });
});

describe("the page's state (GET /api/pay/{token})", () => {
  it("shows amount, deadline and requisite while awaited, nothing about the store, and page headers", async () => {
    const { order, token } = await payinViaApi({ return_url: "https://shop.example/back", metadata: { secret: "store-only" } });
    const response = await page(pageStateRoute, "GET", token);
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({
      status: "awaiting_payment",
      currency: "RUB",
      amount: (order.amount / 100).toFixed(2),
      requisite: { type: "card", bank: expect.any(String), number: "2200 1234 5678 9012", holder: "IVAN PETROV" },
      returnUrl: "https://shop.example/back",
      canMarkPaid: true,
      canUploadReceipt: true,
    });
    expect(response.json.expiresAt).toBe(order.expires_at);
    // Nothing about the store or the order beyond what the customer needs to pay.
    expect(Object.keys(response.json).sort()).toEqual(["amount", "canMarkPaid", "canUploadReceipt", "currency", "expiresAt", "now", "receipts", "requisite", "returnUrl", "status"]);
    for (const secret of [order.id, order.merchant_order_id, order.customer_id, "store-only", A.store.name]) {
      expect(response.text, secret).not.toContain(secret);
    }
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("hides the requisite once the order ended (cancelled, expired) or its deadline passed", async () => {
    const cancelled = await payinViaApi();
    await call(cancelPayinRoute, "POST", `/api/v1/payin/${cancelled.order.id}/cancel`, { key: A.key, params: { id: cancelled.order.id }, body: {} });
    const overdue = await payinViaApi();
    await prisma.incomingOrder.update({ where: { id: overdue.order.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const beforeSweep = await page(pageStateRoute, "GET", overdue.token);
    expect(beforeSweep.json).toMatchObject({ status: "expired", requisite: null, canMarkPaid: false, canUploadReceipt: false });
    await expireDueOrders();
    for (const [{ token, order }, status] of [[cancelled, "cancelled"], [overdue, "expired"]] as const) {
      const response = await page(pageStateRoute, "GET", token);
      expect(response.json).toMatchObject({ status, requisite: null, canMarkPaid: false });
      expect(response.text).not.toContain("2200");
      expect(response.text).not.toContain("IVAN");
      expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(status);
    }
  });

  it("is 404 in the one error shape for unknown, malformed and payout tokens", async () => {
    const payout = await prisma.incomingOrder.findFirstOrThrow({ where: { type: "payout" } });
    expect(payout.paymentToken).toBeNull();
    for (const token of [newPaymentToken(), "short", `${"a".repeat(43)}'--`]) {
      expectErrorShape(await page(pageStateRoute, "GET", token), 404, "order_not_found");
    }
  });
});

describe("I have paid (POST /api/pay/{token}/paid)", () => {
  it("moves an awaited pay-in to paid as party customer, then refuses a second time with 409", async () => {
    const { order, token } = await payinViaApi();
    const response = await page(pagePaidRoute, "POST", token, { body: {} });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ status: "paid", requisite: null, canMarkPaid: false, canUploadReceipt: true });
    const history = await prisma.orderHistory.findFirstOrThrow({ where: { incomingOrderId: order.id, status: "paid" } });
    expect(history.actorType).toBe("customer");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id, action: "order.paid" } });
    expect(audit).toMatchObject({ actorType: "customer", ip: "198.51.100.7" });
    expectErrorShape(await page(pagePaidRoute, "POST", token, { body: {} }), 409, "invalid_state");

    // The trader's confirmation ends it; the page then says completed, still without the requisite.
    await completePayin(order.id, { traderId: T.trader.id }, traderActor);
    expect(await getPaymentPage(token)).toMatchObject({ status: "completed", requisite: null, canUploadReceipt: false });
  });

  it("is refused with 409 after the deadline, before and after the sweep expires the order", async () => {
    const { order, token } = await payinViaApi();
    await prisma.incomingOrder.update({ where: { id: order.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await expect(markPaidByCustomer(token, customer)).rejects.toMatchObject({ code: "invalid_state", status: 409 });
    await expireDueOrders();
    expectErrorShape(await page(pagePaidRoute, "POST", token, { body: {} }), 409, "invalid_state");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("expired");
  });

  it("is refused with 409 before the order is matched, and for a cancelled one", async () => {
    const store = await createStore(prisma);
    const unmatched = await createPayin({ id: store.id, limits: store.limits, allowAmountAdjustment: false }, orderInput(9_999_999_998n), merchantActor);
    await expect(markPaidByCustomer(unmatched.paymentToken!, customer)).rejects.toMatchObject({ code: "invalid_state" });
    const { order, token } = await payinViaApi();
    await call(cancelPayinRoute, "POST", `/api/v1/payin/${order.id}/cancel`, { key: A.key, params: { id: order.id }, body: {} });
    expectErrorShape(await page(pagePaidRoute, "POST", token, { body: {} }), 409, "invalid_state");
  });
});

describe("receipts (POST /api/pay/{token}/receipts)", () => {
  const jpeg = (size: number) => {
    const bytes = Buffer.alloc(size, 0x42);
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    return bytes;
  };
  const upload = (token: string, bytes: Buffer, name = "receipt.jpg") => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), name);
    return pageReceiptsRoute(new Request(`http://test/api/pay/${token}/receipts`, { method: "POST", body: form, headers: { "x-forwarded-for": "198.51.100.7" } }), {
      params: Promise.resolve({ token }),
    });
  };

  it("stores the customer's receipt on the order (uploaded_via customer_page), while the order takes receipts", async () => {
    const { order, token } = await payinViaApi();
    const response = await upload(token, jpeg(200_000));
    expect(response.status, await response.clone().text()).toBe(201);
    expect((await response.json()).receipts).toBe(1);
    const receipt = await prisma.receipt.findFirstOrThrow({ where: { orderId: order.id } });
    expect(receipt).toMatchObject({ uploadedVia: "customer_page", contentType: "image/jpeg", sizeBytes: 200_000, uploadedById: null });

    await call(cancelPayinRoute, "POST", `/api/v1/payin/${order.id}/cancel`, { key: A.key, params: { id: order.id }, body: {} });
    const refused = await upload(token, jpeg(1_000));
    expect(refused.status).toBe(409);
    expect(await prisma.receipt.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("refuses a file that is not an image or PDF by its bytes, storing nothing", async () => {
    const { order, token } = await payinViaApi();
    const response = await upload(token, Buffer.from("<html><script>alert(1)</script></html>"), "receipt.jpg");
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("unsupported_file_type");
    expect(await prisma.receipt.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("takes at most five receipts per payment", async () => {
    const { order, token } = await payinViaApi();
    for (let i = 0; i < 5; i++) expect((await upload(token, jpeg(1_000 + i))).status).toBe(201);
    const sixth = await upload(token, jpeg(2_000));
    expect(sixth.status).toBe(422);
    expect((await sixth.json()).error).toMatchObject({ code: "invalid_evidence", param: "file" });
    expect(await prisma.receipt.count({ where: { orderId: order.id } })).toBe(5);
    expect((await getPaymentPage(token)).receipts).toBe(5);
  });
});

describe("rate limit", () => {
  it("counts the page's routes per client IP: 429 with Retry-After, still with the page's headers", async () => {
    const { token } = await payinViaApi();
    await setSetting("rate_limit.per_ip_per_minute", 3);
    try {
      const from = (ip: string) => call(pageStateRoute as Handler, "GET", `/api/pay/${token}`, { params: { token }, headers: { "x-forwarded-for": ip } });
      // Spread over a window boundary at worst: 7 requests in one minute hit the limit of 3.
      const responses = [];
      for (let i = 0; i < 7; i++) responses.push(await from("203.0.113.99"));
      const limited = responses.find((response) => response.status === 429);
      expect(limited, responses.map((r) => r.status).join()).toBeDefined();
      if (!limited) return;
      expectErrorShape(limited, 429, "rate_limited");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      // Another client is not affected.
      expect((await from("203.0.113.100")).status).toBe(200);
    } finally {
      await setSetting("rate_limit.per_ip_per_minute", 1200);
    }
  });
});
