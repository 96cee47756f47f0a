// Contract tests of the gateway API (/api/v1): every endpoint's success shape and each error
// code, through the real route handlers against this file's own PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { fiatToCrypto } from "@/lib/money/convert";
import { multiply } from "@/lib/money/decimal";
import { createMerchantApiKey, createStore, createTrader, createTraderApiToken, uniqueId } from "@/lib/testing";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { GET as getPayinRoute } from "@/app/api/v1/payin/[id]/route";
import { POST as confirmPayinRoute } from "@/app/api/v1/payin/[id]/confirm/route";
import { POST as cancelPayinRoute } from "@/app/api/v1/payin/[id]/cancel/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { GET as getPayoutRoute } from "@/app/api/v1/payout/[id]/route";
import { POST as cancelPayoutRoute } from "@/app/api/v1/payout/[id]/cancel/route";
import { GET as balanceRoute } from "@/app/api/v1/balance/route";
import { GET as ordersRoute } from "@/app/api/v1/orders/route";
import { GET as currenciesRoute } from "@/app/api/v1/currencies/route";
import { GET as paymentMethodsRoute } from "@/app/api/v1/payment-methods/route";
import { GET as traderOrdersRoute } from "@/app/api/v1/trader/orders/route";
import { POST as traderConfirmRoute } from "@/app/api/v1/trader/orders/[id]/confirm/route";
import { POST as traderPaidRoute } from "@/app/api/v1/trader/orders/[id]/paid/route";
import { POST as traderAcceptRoute } from "@/app/api/v1/trader/orders/[id]/accept/route";
import { POST as confirmPayoutRoute } from "@/app/api/v1/payout/[id]/confirm/route";
import { TINY_PNG_BASE64, call, expectErrorShape, payinBody, payoutBody, unknownOrderId, type ApiResponse, type Handler } from "@/lib/testing/api";
import { createHash } from "node:crypto";
import { receiptBytes } from "@/lib/testing/receipt-bytes";
import { creditStoreUsdt, setSetting, setupReference, storeUsdt, storeWithApiKey, traderUsdt, traderWithApiToken, type Currencies } from "@/lib/testing/fixtures";

const ORDER_ID = /^p[io]_[0-9A-HJKMNP-TV-Z]{26}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const RECEIPT = { file_name: "receipt.png", content_type: "image/png", data_base64: TINY_PNG_BASE64 };

let currencies: Currencies;
/** The main store (payin 3 %, payout 2 %) and another store. */
let A: Awaited<ReturnType<typeof storeWithApiKey>>;
let B: Awaited<ReturnType<typeof storeWithApiKey>>;
/** The trader every order goes to (priority 10) and a stranger whose requisite never wins. */
let T1: Awaited<ReturnType<typeof traderWithApiToken>>;
let T2: Awaited<ReturnType<typeof traderWithApiToken>>;

// Every open order on T1's requisite gets its own amount (no two open orders with one amount).
let amountSeq = 0;
const nextAmount = () => 100_000 + ++amountSeq * 100;

async function createPayin(key: string, overrides: Record<string, unknown> = {}) {
  const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: nextAmount(), ...overrides }) });
  expect(response.status, response.text).toBe(201);
  return response.json;
}

async function createPayout(key: string, overrides: Record<string, unknown> = {}) {
  const response = await call(createPayoutRoute, "POST", "/api/v1/payout", { key, body: payoutBody({ amount: nextAmount(), ...overrides }) });
  expect(response.status, response.text).toBe(201);
  return response.json;
}

// PostgreSQL text cannot hold NUL, so a merchant_order_id with one cannot have been stored.
const ordersOf = async (merchantOrderId: string) =>
  merchantOrderId.includes("\u0000") ? 0 : prisma.incomingOrder.count({ where: { merchantOrderId } });
const orderCount = () => prisma.incomingOrder.count();

beforeAll(async () => {
  // One requisite takes every order of this file; the per-requisite cap is not under test here.
  const reference = await setupReference({ maxOpenOrdersPerRequisite: 100 });
  ({ currencies } = reference);
  const { methods, banks } = reference;
  A = await storeWithApiKey({ payinCommission: "0.03", payoutCommission: "0.02" });
  B = await storeWithApiKey();
  T1 = await traderWithApiToken(currencies, {
    trader: { trafficPriority: 10, payinReward: "0.02", payoutReward: "0.015" },
    requisite: { paymentMethodId: methods.card.id, bankId: banks.sber.id },
  });
  T2 = await traderWithApiToken(currencies, { trader: { trafficPriority: -10 }, requisite: { status: "inactive" } });
});

afterAll(async () => {
  expect(await checkLedger(prisma)).toEqual([]);
});

/** Every endpoint, with a request that would succeed with a valid credential. */
function endpoints(): { name: string; handler: Handler; method: "GET" | "POST"; path: string; params?: Record<string, string>; body?: unknown; trader?: boolean }[] {
  const pi = unknownOrderId("pi_");
  const po = unknownOrderId("po_");
  return [
    { name: "POST /payin", handler: createPayinRoute, method: "POST", path: "/api/v1/payin", body: payinBody() },
    { name: "GET /payin/{id}", handler: getPayinRoute, method: "GET", path: `/api/v1/payin/${pi}`, params: { id: pi } },
    { name: "POST /payin/{id}/confirm", handler: confirmPayinRoute, method: "POST", path: `/api/v1/payin/${pi}/confirm`, params: { id: pi }, body: {} },
    { name: "POST /payin/{id}/cancel", handler: cancelPayinRoute, method: "POST", path: `/api/v1/payin/${pi}/cancel`, params: { id: pi }, body: {} },
    { name: "POST /payout", handler: createPayoutRoute, method: "POST", path: "/api/v1/payout", body: payoutBody() },
    { name: "GET /payout/{id}", handler: getPayoutRoute, method: "GET", path: `/api/v1/payout/${po}`, params: { id: po } },
    { name: "POST /payout/{id}/cancel", handler: cancelPayoutRoute, method: "POST", path: `/api/v1/payout/${po}/cancel`, params: { id: po }, body: {} },
    { name: "GET /balance", handler: balanceRoute, method: "GET", path: "/api/v1/balance" },
    { name: "GET /orders", handler: ordersRoute, method: "GET", path: "/api/v1/orders" },
    { name: "GET /currencies", handler: currenciesRoute, method: "GET", path: "/api/v1/currencies" },
    { name: "GET /payment-methods", handler: paymentMethodsRoute, method: "GET", path: "/api/v1/payment-methods" },
    { name: "GET /trader/orders", handler: traderOrdersRoute, method: "GET", path: "/api/v1/trader/orders", trader: true },
    { name: "POST /trader/orders/{id}/confirm", handler: traderConfirmRoute, method: "POST", path: `/api/v1/trader/orders/${pi}/confirm`, params: { id: pi }, body: {}, trader: true },
    { name: "POST /trader/orders/{id}/paid", handler: traderPaidRoute, method: "POST", path: `/api/v1/trader/orders/${po}/paid`, params: { id: po }, body: { receipt: RECEIPT }, trader: true },
  ];
}

describe("401 authentication", () => {
  it("refuses every endpoint without an Authorization header", async () => {
    for (const e of endpoints()) {
      const response = await call(e.handler, e.method, e.path, { key: null, params: e.params, body: e.body });
      const error = expectErrorShape(response, 401);
      expect(error.type, e.name).toBe("authentication");
    }
  });

  it("refuses malformed Authorization headers", async () => {
    const malformed = ["", "Bearer", "Bearer ", `Token ${A.key}`, `Basic ${Buffer.from("a:b").toString("base64")}`, "Bearer short", `Bearer ${"x".repeat(201)}`, `Bearer ${A.key} extra`, A.key];
    for (const e of endpoints()) {
      for (const header of malformed) {
        const response = await call(e.handler, e.method, e.path, { key: null, headers: { authorization: header }, params: e.params, body: e.body });
        expectErrorShape(response, 401);
      }
    }
  });

  it("refuses an unknown key, a revoked key and a key of an inactive store", async () => {
    const revoked = await createMerchantApiKey(prisma, { storeId: A.store.id, revokedAt: new Date(Date.now() - 1000) });
    const inactiveStore = await createStore(prisma, { isActive: false });
    const inactive = await createMerchantApiKey(prisma, { storeId: inactiveStore.id });
    const unknownKey = `jp_test_${"Z".repeat(32)}`;
    for (const e of endpoints().filter((x) => !x.trader)) {
      for (const key of [unknownKey, revoked.key]) {
        const response = await call(e.handler, e.method, e.path, { key, params: e.params, body: e.body });
        expectErrorShape(response, 401, "invalid_api_key");
      }
      expectErrorShape(await call(e.handler, e.method, e.path, { key: inactive.key, params: e.params, body: e.body }), 401, "store_deactivated");
    }
    // Nothing was created by the refused POST /payin and /payout.
    expect(await prisma.incomingOrder.count({ where: { storeId: { in: [A.store.id, inactiveStore.id] } } })).toBe(0);
  });

  it("refuses an unknown, revoked or inactive trader token, and keys of the other kind", async () => {
    const revoked = await createTraderApiToken(prisma, { traderId: T1.trader.id, revokedAt: new Date() });
    const inactiveTrader = await createTrader(prisma, { isActive: false });
    const inactive = await createTraderApiToken(prisma, { traderId: inactiveTrader.id });
    for (const e of endpoints().filter((x) => x.trader)) {
      for (const key of [`jp_test_${"Q".repeat(32)}`, revoked.token, A.key]) {
        const response = await call(e.handler, e.method, e.path, { key, params: e.params, body: e.body });
        expectErrorShape(response, 401, "invalid_api_token");
      }
      expectErrorShape(await call(e.handler, e.method, e.path, { key: inactive.token, params: e.params, body: e.body }), 401, "account_deactivated");
    }
    // A trader token is not a merchant key.
    for (const e of endpoints().filter((x) => !x.trader)) {
      const response = await call(e.handler, e.method, e.path, { key: T1.token, params: e.params, body: e.body });
      expectErrorShape(response, 401, "invalid_api_key");
    }
  });
});

describe("POST /payin", () => {
  it("creates a matched pay-in: 201 with the requisite to show the customer", async () => {
    const body = payinBody({ amount: nextAmount(), payment_method: "card", metadata: { cart: "42", vip: true, score: 7, note: null } });
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get("content-type")).toContain("application/json");
    const order = response.json;
    expect(order).toMatchObject({
      object: "payin",
      status: "awaiting_payment",
      amount: body.amount,
      currency: "RUB",
      customer_id: body.customer_id,
      merchant_order_id: body.merchant_order_id,
      metadata: { cart: "42", vip: true, score: 7, note: null },
      requisite: { type: "card", bank: "Sberbank", number: (T1.requisite.details as { number: string }).number, holder: "IVAN PETROV" },
      rate: "92.5",
    });
    expect(order.id).toMatch(/^pi_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(Object.keys(order.requisite).sort()).toEqual(["bank", "holder", "number", "type"]);
    expect(order.expires_at).toMatch(ISO);
    expect(order.created_at).toMatch(ISO);
    expect(Date.parse(order.expires_at)).toBeGreaterThan(Date.now());
    // u = 1000.00+ RUB / 92.5, half-up, as a decimal string with 6 places
    expect(order.crypto_amount).toBe((Number(fiatToCrypto(BigInt(body.amount), 2, "92.5", 6)) / 1e6).toFixed(6));
    const held = await traderUsdt(currencies, T1.trader.id);
    expect(held.held).toBeGreaterThan(0n);
  });

  it("leaves an unmatchable pay-in created with requisite null", async () => {
    const order = await createPayin(A.key, { amount: 20_000_000 }); // above every requisite's max
    expect(order).toMatchObject({ object: "payin", status: "created", requisite: null, amount: 20_000_000 });
    expect(order.id).toMatch(/^pi_/);
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    for (const raw of ["{", "{amount: 1}", "not json", '{"amount":100,}', "\u0000", "[1,2"]) {
      const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, raw });
      const error = expectErrorShape(response, 400, "invalid_json");
      expect(error.type).toBe("malformed_request");
    }
  });

  it("answers 400 for a body over 64 KB", async () => {
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body: payinBody({ customer_id: "x".repeat(70_000) }) });
    expectErrorShape(response, 400, "body_too_large");
  });

  it.each(["amount", "currency", "customer_id", "merchant_order_id"])("answers 422 naming the missing field %s", async (field) => {
    const body: Record<string, unknown> = payinBody({ amount: nextAmount() });
    delete body[field];
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
    const error = expectErrorShape(response, 422, undefined, field);
    expect(error.type).toBe("invalid_request");
    expect(await ordersOf(String(body.merchant_order_id))).toBe(0);
  });

  const invalid: [string, Record<string, unknown>, string, string?][] = [
    ["amount as a string", { amount: "1000" }, "amount", "invalid_type"],
    ["amount null", { amount: null }, "amount", "invalid_type"],
    ["amount as an object", { amount: { value: 1 } }, "amount", "invalid_type"],
    ["negative amount", { amount: -100 }, "amount"],
    ["zero amount", { amount: 0 }, "amount"],
    ["fractional amount", { amount: 100.5 }, "amount"],
    ["unsafe amount 2**53", { amount: 2 ** 53 }, "amount"],
    ["amount 1e21", { amount: 1e21 }, "amount"],
    ["amount just over the maximum", { amount: 10_000_000_000_001 }, "amount"],
    ["currency as a number", { currency: 643 }, "currency", "invalid_type"],
    ["currency not a code", { currency: "R$" }, "currency"],
    ["customer_id as a number", { customer_id: 12345 }, "customer_id", "invalid_type"],
    ["empty customer_id", { customer_id: "" }, "customer_id"],
    ["blank customer_id", { customer_id: "   " }, "customer_id"],
    ["customer_id over 128 characters", { customer_id: "c".repeat(129) }, "customer_id"],
    ["merchant_order_id over 128 characters", { merchant_order_id: "m".repeat(129) }, "merchant_order_id"],
    ["NUL byte in customer_id", { customer_id: "cust\u0000evil" }, "customer_id"],
    ["NUL byte in merchant_order_id", { merchant_order_id: "mo\u0000x" }, "merchant_order_id"],
    ["newline in customer_id", { customer_id: "a\nb" }, "customer_id"],
    ["payment_method not a code", { payment_method: "Card!" }, "payment_method"],
    ["payment_method over 32 characters", { payment_method: "c".repeat(33) }, "payment_method"],
    ["metadata as an array", { metadata: ["a"] }, "metadata", "invalid_type"],
    ["metadata with a nested object", { metadata: { a: { b: 1 } } }, "metadata.a"],
    ["metadata value over 500 characters", { metadata: { a: "v".repeat(501) } }, "metadata.a"],
    ["metadata with 31 keys", { metadata: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i])) }, "metadata"],
  ];

  it.each(invalid)("answers 422 for %s", async (_name, override, param, code) => {
    const before = await orderCount();
    const body = payinBody({ amount: nextAmount(), ...override });
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
    const error = expectErrorShape(response, 422, code, param);
    expect(error.type).toBe("invalid_request");
    expect(await ordersOf(String(body.merchant_order_id))).toBe(0);
    expect(await orderCount()).toBe(before);
  });

  it("answers 422 for an amount that is not a finite JSON number (1e400)", async () => {
    const body = payinBody();
    const raw = JSON.stringify(body).replace(/"amount":\d+/, '"amount":1e400');
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, raw });
    expectErrorShape(response, 422, undefined, "amount");
  });

  it("answers 422 for an unknown field (strict body)", async () => {
    const body = payinBody({ amount: nextAmount(), callback_url: "http://evil" });
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
    const error = expectErrorShape(response, 422);
    expect(error.message).toContain("callback_url");
    expect(await ordersOf(body.merchant_order_id)).toBe(0);
  });

  it("answers 422 for a body that is not an object", async () => {
    for (const raw of ["[]", "null", "42", '"text"', "true", JSON.stringify([payinBody()])]) {
      const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, raw });
      expectErrorShape(response, 422);
    }
  });

  it("answers 422 unsupported_currency for an unknown currency and for USDT", async () => {
    for (const currency of ["XYZ", "EUR", "USDT"]) {
      const body = payinBody({ amount: nextAmount(), currency });
      const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
      expectErrorShape(response, 422, "unsupported_currency", "currency");
      expect(await ordersOf(body.merchant_order_id)).toBe(0);
    }
  });

  it("answers 422 unsupported_payment_method for an unknown method", async () => {
    const body = payinBody({ amount: nextAmount(), payment_method: "crypto_magic" });
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
    expectErrorShape(response, 422, "unsupported_payment_method", "payment_method");
    expect(await ordersOf(body.merchant_order_id)).toBe(0);
  });

  it("refuses a NUL byte inside metadata with a 422, never a 500", async () => {
    // PostgreSQL jsonb cannot store \u0000; the API must refuse it like every other string field.
    for (const metadata of [{ note: "a\u0000b" }, { "k\u0000": "v" }]) {
      const body = payinBody({ amount: nextAmount(), metadata });
      const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
      expectErrorShape(response, 422, undefined);
      expect(await ordersOf(body.merchant_order_id)).toBe(0);
    }
  });

  it.each([
    ["metadata value", { metadata: { note: "\ud800" } }],
    ["metadata key", { metadata: { ["\udfff"]: "v" } }],
    ["customer_id", { customer_id: "cust-\ud800" }],
    ["merchant_order_id", { merchant_order_id: `mo-\udc00-${Date.now()}` }],
  ])("never answers 5xx for a lone UTF-16 surrogate in %s", async (_name, override) => {
    const body = payinBody({ amount: nextAmount(), ...override });
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body });
    expect(response.status, response.text).toBeLessThan(500);
    if (response.status >= 400) expectErrorShape(response, response.status);
  });

  it("answers 409 duplicate_merchant_order_id for a reused merchant_order_id, per store", async () => {
    const first = await createPayin(A.key);
    const again = await call(createPayinRoute, "POST", "/api/v1/payin", {
      key: A.key,
      body: payinBody({ amount: nextAmount(), merchant_order_id: first.merchant_order_id }),
    });
    const error = expectErrorShape(again, 409, "duplicate_merchant_order_id", "merchant_order_id");
    expect(error.type).toBe("conflict");
    // The other store may use the same merchant_order_id.
    const other = await createPayin(B.key, { merchant_order_id: first.merchant_order_id });
    expect(other.id).not.toBe(first.id);
    expect(await ordersOf(first.merchant_order_id)).toBe(2);
  });
});

describe("GET /payin/{id}, POST /payin/{id}/confirm, POST /payin/{id}/cancel", () => {
  it("returns the pay-in; 404 for an unknown id, another store's pay-in and a payout id", async () => {
    const order = await createPayin(A.key);
    const response = await call(getPayinRoute, "GET", `/api/v1/payin/${order.id}`, { key: A.key, params: { id: order.id } });
    expect(response.status).toBe(200);
    expect(response.json).toEqual(order);

    for (const [key, id] of [
      [A.key, unknownOrderId("pi_")],
      [B.key, order.id],
    ]) {
      expectErrorShape(await call(getPayinRoute, "GET", `/api/v1/payin/${id}`, { key, params: { id } }), 404, "order_not_found");
    }
    const payout = await createPayoutFor(A);
    expectErrorShape(await call(getPayinRoute, "GET", `/api/v1/payin/${payout.id}`, { key: A.key, params: { id: payout.id } }), 404, "order_not_found");
    // A path segment that is not an order id at all is a client error too.
    const bad = await call(getPayinRoute, "GET", "/api/v1/payin/nope", { key: A.key, params: { id: "nope" } });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expectErrorShape(bad, bad.status);
  });

  it("confirm: the customer says paid (with a receipt) → paid; again → 409 invalid_state", async () => {
    const order = await createPayin(A.key);
    const path = `/api/v1/payin/${order.id}/confirm`;
    const response = await call(confirmPayinRoute, "POST", path, { key: A.key, params: { id: order.id }, body: { receipt: RECEIPT } });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ id: order.id, object: "payin", status: "paid" });
    expect(await prisma.receipt.count({ where: { orderId: order.id } })).toBe(1);

    const again = await call(confirmPayinRoute, "POST", path, { key: A.key, params: { id: order.id }, body: {} });
    expectErrorShape(again, 409, "invalid_state");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
  });

  it("confirm: 404 for another store's pay-in, an unknown id and a payout id; 422 for a bad body; 400 for bad JSON", async () => {
    const order = await createPayin(A.key);
    const payout = await createPayoutFor(A);
    const cases: [string, string][] = [
      [B.key, order.id],
      [A.key, unknownOrderId("pi_")],
      [A.key, payout.id],
    ];
    for (const [key, id] of cases) {
      expectErrorShape(await call(confirmPayinRoute, "POST", `/api/v1/payin/${id}/confirm`, { key, params: { id }, body: {} }), 404, "order_not_found");
    }
    const p = { key: A.key, params: { id: order.id } };
    expectErrorShape(await call(confirmPayinRoute, "POST", "/x", { ...p, body: { paid: true } }), 422);
    expectErrorShape(await call(confirmPayinRoute, "POST", "/x", { ...p, body: { receipt: { ...RECEIPT, content_type: "text/html" } } }), 422, undefined, "receipt.content_type");
    expectErrorShape(await call(confirmPayinRoute, "POST", "/x", { ...p, body: { receipt: { ...RECEIPT, data_base64: "not base64!" } } }), 422, undefined, "receipt.data_base64");
    expectErrorShape(await call(confirmPayinRoute, "POST", "/x", { ...p, raw: "{receipt" }), 400, "invalid_json");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("awaiting_payment");
  });

  it("cancel: releases the trader's hold; again → 409 invalid_state; other store / unknown / payout id → 404", async () => {
    const before = await traderUsdt(currencies, T1.trader.id);
    const order = await createPayin(A.key);
    const path = `/api/v1/payin/${order.id}/cancel`;
    const response = await call(cancelPayinRoute, "POST", path, { key: A.key, params: { id: order.id }, body: { reason: "customer left" } });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ id: order.id, object: "payin", status: "cancelled" });
    expect(await traderUsdt(currencies, T1.trader.id)).toEqual(before);

    expectErrorShape(await call(cancelPayinRoute, "POST", path, { key: A.key, params: { id: order.id }, body: {} }), 409, "invalid_state");
    const payout = await createPayoutFor(A);
    for (const [key, id] of [
      [B.key, order.id],
      [A.key, unknownOrderId("pi_")],
      [A.key, payout.id],
    ]) {
      expectErrorShape(await call(cancelPayinRoute, "POST", `/api/v1/payin/${id}/cancel`, { key, params: { id }, body: {} }), 404, "order_not_found");
    }
    const open = await createPayin(A.key);
    const p = { key: A.key, params: { id: open.id } };
    expectErrorShape(await call(cancelPayinRoute, "POST", "/x", { ...p, body: { reason: "r".repeat(501) } }), 422, undefined, "reason");
    expectErrorShape(await call(cancelPayinRoute, "POST", "/x", { ...p, body: { reason: "a\u0000b" } }), 422, undefined, "reason");
    expectErrorShape(await call(cancelPayinRoute, "POST", "/x", { ...p, body: { force: true } }), 422);
    expectErrorShape(await call(cancelPayinRoute, "POST", "/x", { ...p, raw: "{{" }), 400, "invalid_json");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("awaiting_payment");
  });

  it("cancel of a completed pay-in → 409 invalid_state, nothing changes", async () => {
    const order = await createPayin(A.key);
    const done = await call(traderConfirmRoute, "POST", `/api/v1/trader/orders/${order.id}/confirm`, { key: T1.token, params: { id: order.id } });
    expect(done.json.status).toBe("completed");
    const balance = await storeUsdt(currencies, A.store.id);
    const response = await call(cancelPayinRoute, "POST", `/api/v1/payin/${order.id}/cancel`, { key: A.key, params: { id: order.id }, body: {} });
    expectErrorShape(response, 409, "invalid_state");
    expect(await storeUsdt(currencies, A.store.id)).toEqual(balance);
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("completed");
  });
});

/** Payouts are offered to online traders only: T1 was seen just now. */
const setOnline = (trader: { id: number }) => prisma.trader.update({ where: { id: trader.id }, data: { lastSeenAt: new Date() } });

async function createPayoutFor(merchant: typeof A) {
  const { available } = await storeUsdt(currencies, merchant.store.id);
  if (available < 100_000_000n) await creditStoreUsdt(currencies, merchant.store.id, 1_000_000_000n);
  return createPayout(merchant.key);
}

describe("trader API", () => {
  it("confirm: completes the trader's own pay-in and credits the store u·(1−s); again → 409", async () => {
    const order = await createPayin(A.key);
    const before = await storeUsdt(currencies, A.store.id);
    const path = `/api/v1/trader/orders/${order.id}/confirm`;
    const response = await call(traderConfirmRoute, "POST", path, { key: T1.token, params: { id: order.id } });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ id: order.id, object: "payin", status: "completed" });
    expect(response.json.completed_at).toMatch(ISO);
    const u = BigInt(Math.round(Number(order.crypto_amount) * 1e6));
    const after = await storeUsdt(currencies, A.store.id);
    expect(after.available - before.available).toBe(u - multiply(u, "0.03", "half_up"));

    expectErrorShape(await call(traderConfirmRoute, "POST", path, { key: T1.token, params: { id: order.id } }), 409, "invalid_state");
  });

  it("confirm: 404 for another trader's order, an unknown id and a payout; 409 for a cancelled pay-in", async () => {
    const order = await createPayin(A.key);
    expect(order.status).toBe("awaiting_payment");
    const stranger = await call(traderConfirmRoute, "POST", "/x", { key: T2.token, params: { id: order.id } });
    expectErrorShape(stranger, 404, "order_not_found");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("awaiting_payment");
    expectErrorShape(await call(traderConfirmRoute, "POST", "/x", { key: T1.token, params: { id: unknownOrderId("pi_") } }), 404, "order_not_found");
    const payout = await createPayoutFor(A);
    expectErrorShape(await call(traderConfirmRoute, "POST", "/x", { key: T1.token, params: { id: payout.id } }), 404, "order_not_found");

    await call(cancelPayinRoute, "POST", "/x", { key: A.key, params: { id: order.id }, body: {} });
    expectErrorShape(await call(traderConfirmRoute, "POST", "/x", { key: T1.token, params: { id: order.id } }), 409, "invalid_state");
  });

  it("GET /trader/orders lists only the trader's own orders, filtered by status", async () => {
    const order = await createPayin(A.key);
    const mine = await call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: T1.token });
    expect(mine.status).toBe(200);
    expect(mine.json.object).toBe("list");
    expect(mine.json.data.map((o: { id: string }) => o.id)).toContain(order.id);
    // Its own orders and the payouts offered to it right now.
    const ownIds = new Set(
      (await prisma.incomingOrder.findMany({ where: { OR: [{ traderId: T1.trader.id }, { offeredTraderId: T1.trader.id, status: "created" }] }, select: { id: true } })).map((o) => o.id),
    );
    for (const o of mine.json.data) expect(ownIds.has(o.id)).toBe(true);

    const completed = await call(traderOrdersRoute, "GET", "/x", { key: T1.token, query: "?status=completed" });
    expect(completed.status).toBe(200);
    for (const o of completed.json.data) expect(o.status).toBe("completed");

    const stranger = await call(traderOrdersRoute, "GET", "/x", { key: T2.token });
    expect(stranger.status).toBe(200);
    expect(stranger.json.data).toEqual([]);

    expectErrorShape(await call(traderOrdersRoute, "GET", "/x", { key: T1.token, query: "?status=bogus" }), 422, undefined, "status");
    expectErrorShape(await call(traderOrdersRoute, "GET", "/x", { key: T1.token, query: "?store_id=1" }), 422);
  });
});

describe("POST /payout, GET /payout/{id}, POST /payout/{id}/cancel", () => {
  it("refuses a payout the balance cannot cover: 422 insufficient_balance, nothing written", async () => {
    const C = await storeWithApiKey();
    const historyBefore = await prisma.balanceStoreHistory.count();
    const body = payoutBody({ amount: nextAmount() });
    const response = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: C.key, body });
    const error = expectErrorShape(response, 422, "insufficient_balance", "amount");
    expect(error.type).toBe("insufficient_funds");
    expect(await ordersOf(body.merchant_order_id)).toBe(0);
    expect(await prisma.incomingOrder.count({ where: { storeId: C.store.id } })).toBe(0);
    expect(await prisma.balanceStoreHistory.count()).toBe(historyBefore);
    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: 0n, held: 0n });

    // A balance just short of u·(1+s) is refused too.
    const u = fiatToCrypto(BigInt(body.amount), 2, "92.5", 6);
    await creditStoreUsdt(currencies, C.store.id, u + multiply(u, "0.02", "half_up") - 1n);
    const short = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: C.key, body: { ...body, merchant_order_id: uniqueId("mo") } });
    expectErrorShape(short, 422, "insufficient_balance");
    expect(await prisma.incomingOrder.count({ where: { storeId: C.store.id } })).toBe(0);
  });

  it("creates a payout (201, po_, created and offered to the online trader), holds u·(1+s); GET; cancel releases the hold", async () => {
    const C = await storeWithApiKey({ payoutCommission: "0.02" });
    await creditStoreUsdt(currencies, C.store.id, 500_000_000n);
    await setOnline(T1.trader);
    const body = payoutBody({ amount: nextAmount(), metadata: { ref: "x1" } });
    const response = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: C.key, body });
    expect(response.status, response.text).toBe(201);
    const order = response.json;
    expect(order.id).toMatch(/^po_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(order).toMatchObject({
      object: "payout",
      status: "created",
      amount: body.amount,
      currency: "RUB",
      customer_id: body.customer_id,
      merchant_order_id: body.merchant_order_id,
      destination: body.destination,
      metadata: { ref: "x1" },
      requisite: null,
      rate: "92.5",
    });
    expect(order.created_at).toMatch(ISO);
    // Offered, not pushed: nobody holds it until the trader accepts, so there is no deadline yet.
    expect(order.expires_at).toBeNull();
    const row = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ traderId: null, requisiteId: null, offeredTraderId: T1.trader.id, offeredRequisiteId: T1.requisite.id });
    expect(row.offerExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    const u = fiatToCrypto(BigInt(body.amount), 2, "92.5", 6);
    const debit = u + multiply(u, "0.02", "half_up");
    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: 500_000_000n - debit, held: debit });

    const got = await call(getPayoutRoute, "GET", "/x", { key: C.key, params: { id: order.id } });
    expect(got.status).toBe(200);
    expect(got.json).toEqual(order);

    const cancelled = await call(cancelPayoutRoute, "POST", "/x", { key: C.key, params: { id: order.id }, body: {} });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({ id: order.id, object: "payout", status: "cancelled" });
    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: 500_000_000n, held: 0n });
    expectErrorShape(await call(cancelPayoutRoute, "POST", "/x", { key: C.key, params: { id: order.id }, body: {} }), 409, "invalid_state");
  });

  it("GET/cancel: 404 for a pay-in id on /payout, another store's payout and an unknown id", async () => {
    const payin = await createPayin(A.key);
    const payout = await createPayoutFor(A);
    const cases: [string, string][] = [
      [A.key, payin.id],
      [B.key, payout.id],
      [A.key, unknownOrderId("po_")],
    ];
    for (const [key, id] of cases) {
      expectErrorShape(await call(getPayoutRoute, "GET", `/api/v1/payout/${id}`, { key, params: { id } }), 404, "order_not_found");
      expectErrorShape(await call(cancelPayoutRoute, "POST", `/api/v1/payout/${id}/cancel`, { key, params: { id }, body: {} }), 404, "order_not_found");
    }
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: payin.id } })).status).toBe("awaiting_payment");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: payout.id } })).status).toBe("created");
  });

  const invalid: [string, Record<string, unknown>, string?][] = [
    ["missing destination", { destination: undefined }, "destination"],
    ["destination as a string", { destination: "2200123456789010" }, "destination"],
    ["unknown destination type", { destination: { type: "wire", number: "2200123456789010" } }, "destination.type"],
    ["destination number with letters", { destination: { type: "card", number: "2200abcd" } }, "destination.number"],
    ["destination without number", { destination: { type: "card" } }, "destination.number"],
    ["unknown field in destination", { destination: { type: "card", number: "2200123456789010", cvv: "123" } }, "destination"],
    ["NUL in destination holder", { destination: { type: "card", number: "2200123456789010", holder: "A\u0000B" } }, "destination.holder"],
    ["holder over 128 characters", { destination: { type: "card", number: "2200123456789010", holder: "H".repeat(129) } }, "destination.holder"],
    ["negative amount", { amount: -5 }, "amount"],
    ["fractional amount", { amount: 10.01 }, "amount"],
    ["unsafe amount", { amount: 2 ** 53 + 2 }, "amount"],
    ["amount as a string", { amount: "100000" }, "amount"],
    ["missing customer_id", { customer_id: undefined }, "customer_id"],
    ["customer_id over 128", { customer_id: "c".repeat(129) }, "customer_id"],
    ["NUL in customer_id", { customer_id: "\u0000" }, "customer_id"],
    ["unknown field", { payment_method: "card" }],
  ];

  it.each(invalid)("answers 422 for %s, nothing written", async (_name, override, param) => {
    const historyBefore = await prisma.balanceStoreHistory.count();
    const before = await orderCount();
    const body = payoutBody({ amount: nextAmount(), ...override });
    const response = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: A.key, body });
    expectErrorShape(response, 422, undefined, param);
    expect(await ordersOf(body.merchant_order_id)).toBe(0);
    expect(await orderCount()).toBe(before);
    expect(await prisma.balanceStoreHistory.count()).toBe(historyBefore);
  });

  it.each([
    ["NUL in metadata", { metadata: { note: "a\u0000b" } }],
    ["lone surrogate in metadata", { metadata: { note: "\ud800" } }],
    ["lone surrogate in destination.holder", { destination: { type: "card", number: "2200123456789010", holder: "IVAN \ud800" } }],
    ["lone surrogate in destination.bank", { destination: { type: "card", number: "2200123456789010", bank: "\udc00bank" } }],
  ])("never answers 5xx for %s (4xx and nothing written, or 201)", async (_name, override) => {
    await createPayoutFor(A);
    const before = await storeUsdt(currencies, A.store.id);
    const body = payoutBody({ amount: nextAmount(), ...override });
    const response = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: A.key, body });
    expect(response.status, response.text).toBeLessThan(500);
    if (response.status >= 400) {
      expectErrorShape(response, response.status);
      expect(await ordersOf(body.merchant_order_id)).toBe(0);
      expect(await storeUsdt(currencies, A.store.id)).toEqual(before);
    }
  });

  it("answers 422 unsupported_currency, 400 invalid_json, 409 duplicate_merchant_order_id", async () => {
    await createPayoutFor(A);
    const unknownCurrency = payoutBody({ currency: "XYZ" });
    expectErrorShape(await call(createPayoutRoute, "POST", "/x", { key: A.key, body: unknownCurrency }), 422, "unsupported_currency", "currency");
    expect(await ordersOf(unknownCurrency.merchant_order_id)).toBe(0);
    expectErrorShape(await call(createPayoutRoute, "POST", "/x", { key: A.key, raw: '{"amount":' }), 400, "invalid_json");

    const first = await createPayout(A.key);
    const balance = await storeUsdt(currencies, A.store.id);
    const dup = await call(createPayoutRoute, "POST", "/x", { key: A.key, body: payoutBody({ amount: nextAmount(), merchant_order_id: first.merchant_order_id }) });
    expectErrorShape(dup, 409, "duplicate_merchant_order_id", "merchant_order_id");
    expect(await storeUsdt(currencies, A.store.id)).toEqual(balance);
  });

  it("lifecycle through the API: created → offered → trader accepts → trader paid with receipt → merchant confirms → completed; store held back to 0, trader repaid u·(1+t)", async () => {
    const C = await storeWithApiKey({ payoutCommission: "0.02" });
    const credit = 200_000_000n; // 200 USDT
    await creditStoreUsdt(currencies, C.store.id, credit);
    await setOnline(T1.trader);
    const traderBefore = await traderUsdt(currencies, T1.trader.id);
    const platformBefore = (await prisma.balancePlatform.findFirst({ where: { currencyId: currencies.USDT.id } }))?.amount ?? 0n;

    const body = payoutBody({ amount: nextAmount() });
    const created = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: C.key, body });
    expect(created.status, created.text).toBe(201);
    const order = created.json;
    expect(order.status).toBe("created");
    const offered = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(offered).toMatchObject({ traderId: null, offeredTraderId: T1.trader.id, offeredRequisiteId: T1.requisite.id });

    const u = fiatToCrypto(BigInt(body.amount), 2, "92.5", 6);
    expect(order.crypto_amount).toBe((Number(u) / 1e6).toFixed(6));
    const storeDebit = u + multiply(u, "0.02", "half_up");
    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: credit - storeDebit, held: storeDebit });

    // The trader sees the offer in their list; nobody else can accept it, and it cannot be
    // paid before it is accepted.
    const offers = await call(traderOrdersRoute, "GET", "/x", { key: T1.token });
    expect(offers.json.data.map((o: { id: string }) => o.id)).toContain(order.id);
    const acceptPath = `/api/v1/trader/orders/${order.id}/accept`;
    expectErrorShape(await call(traderAcceptRoute, "POST", acceptPath, { key: T2.token, params: { id: order.id } }), 404, "order_not_found");
    expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T1.token, params: { id: order.id }, body: { receipt: RECEIPT } }), 404, "order_not_found");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("created");

    // T1 accepts: the payout is theirs to pay, at the reward fixed now.
    const accepted = await call(traderAcceptRoute, "POST", acceptPath, { key: T1.token, params: { id: order.id } });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json).toMatchObject({ id: order.id, object: "payout", status: "assigned" });
    expect(accepted.json.expires_at).toMatch(ISO);
    const row = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ traderId: T1.trader.id, requisiteId: T1.requisite.id, offeredTraderId: null, offeredRequisiteId: null, offerExpiresAt: null });
    expect(row.traderReward?.toString()).toBe("0.015");
    expectErrorShape(await call(traderAcceptRoute, "POST", acceptPath, { key: T1.token, params: { id: order.id } }), 409, "invalid_state");

    const queue = await call(traderOrdersRoute, "GET", "/x", { key: T1.token, query: "?status=assigned" });
    expect(queue.json.data.map((o: { id: string }) => o.id)).toContain(order.id);

    // Another trader cannot mark it paid; a receipt is required.
    expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T2.token, params: { id: order.id }, body: { receipt: RECEIPT } }), 404, "order_not_found");
    expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T1.token, params: { id: order.id }, body: {} }), 422, undefined, "receipt");
    expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T1.token, params: { id: order.id }, body: { receipt: { ...RECEIPT, data_base64: "%%%" } } }), 422, undefined, "receipt.data_base64");
    expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T1.token, params: { id: order.id }, raw: "{" }), 400, "invalid_json");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("assigned");

    const paid = await call(traderPaidRoute, "POST", `/api/v1/trader/orders/${order.id}/paid`, { key: T1.token, params: { id: order.id }, body: { receipt: RECEIPT } });
    expect(paid.status, paid.text).toBe(200);
    // Paid, not completed: the merchant has the confirmation window to confirm or dispute it.
    expect(paid.json).toMatchObject({ id: order.id, object: "payout", status: "paid", completed_at: null });
    expect(paid.json.expires_at).toMatch(ISO);
    expect(Date.parse(paid.json.expires_at)).toBeGreaterThan(Date.now());
    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: credit - storeDebit, held: storeDebit });
    expect(await traderUsdt(currencies, T1.trader.id)).toEqual(traderBefore);

    // Only the payout's store can confirm it; the merchant confirms and it completes.
    const confirmPath = `/api/v1/payout/${order.id}/confirm`;
    expectErrorShape(await call(confirmPayoutRoute, "POST", confirmPath, { key: B.key, params: { id: order.id }, body: {} }), 404, "order_not_found");
    const confirmed = await call(confirmPayoutRoute, "POST", confirmPath, { key: C.key, params: { id: order.id }, body: {} });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json).toMatchObject({ id: order.id, object: "payout", status: "completed" });
    expect(confirmed.json.completed_at).toMatch(ISO);

    const receipts = await prisma.receipt.findMany({ where: { orderId: order.id } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0].contentType).toBe("image/png");
    expect((await receiptBytes(receipts[0])).equals(Buffer.from(TINY_PNG_BASE64, "base64"))).toBe(true);
    expect(receipts[0]).toMatchObject({ data: null, storageDriver: "fs", sha256: createHash("sha256").update(Buffer.from(TINY_PNG_BASE64, "base64")).digest("hex") });

    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: credit - storeDebit, held: 0n });
    const reward = multiply(u, "0.015", "floor");
    const traderAfter = await traderUsdt(currencies, T1.trader.id);
    expect(traderAfter.available - traderBefore.available).toBe(u + reward);
    expect(traderAfter.held).toBe(traderBefore.held);
    const platformAfter = (await prisma.balancePlatform.findFirst({ where: { currencyId: currencies.USDT.id } }))?.amount ?? 0n;
    expect(platformAfter - platformBefore).toBe(storeDebit - u - reward);

    const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: order.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.status, h.actorType])).toEqual([
      ["assigned", "trader_api"],
      ["paid", "trader_api"],
      ["completed", "merchant_api"],
    ]);
    expect(await checkLedger(prisma)).toEqual([]);

    // Finished: no second payment, no second confirmation, no cancel, and the merchant sees it completed.
    expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T1.token, params: { id: order.id }, body: { receipt: RECEIPT } }), 409, "invalid_state");
    expectErrorShape(await call(confirmPayoutRoute, "POST", "/x", { key: C.key, params: { id: order.id }, body: {} }), 409, "invalid_state");
    expectErrorShape(await call(cancelPayoutRoute, "POST", "/x", { key: C.key, params: { id: order.id }, body: {} }), 409, "invalid_state");
    const got = await call(getPayoutRoute, "GET", "/x", { key: C.key, params: { id: order.id } });
    expect(got.json.status).toBe("completed");
    expect(await storeUsdt(currencies, C.store.id)).toEqual({ available: credit - storeDebit, held: 0n });
  });

  it("trader paid: 404 for a pay-in id and an unknown id", async () => {
    const payin = await createPayin(A.key);
    for (const id of [payin.id, unknownOrderId("po_")]) {
      expectErrorShape(await call(traderPaidRoute, "POST", "/x", { key: T1.token, params: { id }, body: { receipt: RECEIPT } }), 404, "order_not_found");
    }
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: payin.id } })).status).toBe("awaiting_payment");
  });
});

describe("GET /balance, /currencies, /payment-methods", () => {
  it("GET /balance: available and held per currency, equal to the ledger", async () => {
    const C = await storeWithApiKey();
    const empty = await call(balanceRoute, "GET", "/api/v1/balance", { key: C.key });
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ object: "balance", data: [] });

    await creditStoreUsdt(currencies, C.store.id, 123_456_789n);
    const response = await call(balanceRoute, "GET", "/api/v1/balance", { key: C.key });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      object: "balance",
      data: [{ currency: "USDT", available: 123_456_789, held: 0, available_decimal: "123.456789", held_decimal: "0.000000" }],
    });
  });

  it("GET /currencies and GET /payment-methods list the reference data", async () => {
    const currenciesResponse = await call(currenciesRoute, "GET", "/api/v1/currencies", { key: A.key });
    expect(currenciesResponse.status).toBe(200);
    expect(currenciesResponse.json.object).toBe("list");
    expect(currenciesResponse.json.data).toEqual(
      expect.arrayContaining([
        { code: "RUB", name: expect.any(String), kind: "fiat", exponent: 2 },
        { code: "USDT", name: expect.any(String), kind: "crypto", exponent: 6 },
      ]),
    );
    const methods = await call(paymentMethodsRoute, "GET", "/api/v1/payment-methods", { key: A.key });
    expect(methods.status).toBe(200);
    expect(methods.json.object).toBe("list");
    expect(methods.json.payment_methods.map((m: { code: string }) => m.code).sort()).toEqual(["card", "sbp"]);
    expect(methods.json.banks.map((b: { code: string }) => b.code)).toContain("sber");
  });
});

describe("GET /orders", () => {
  async function page(key: string, query: string): Promise<ApiResponse> {
    const response = await call(ordersRoute, "GET", "/api/v1/orders", { key, query });
    return response;
  }

  it("walks 5 orders with limit=2 and starting_after, no duplicates, and filters by status and type", async () => {
    const D = await storeWithApiKey();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await createPayin(D.key)).id);

    const first = await page(D.key, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.json.object).toBe("list");
    expect(first.json.data).toHaveLength(2);
    expect(first.json.has_more).toBe(true);

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const response = await page(D.key, `?limit=2${cursor ? `&starting_after=${cursor}` : ""}`);
      expect(response.status, response.text).toBe(200);
      expect(response.json.data.length).toBeLessThanOrEqual(2);
      for (const o of response.json.data) {
        expect(o.id).toMatch(ORDER_ID);
        expect(o.object).toBe("payin");
      }
      seen.push(...response.json.data.map((o: { id: string }) => o.id));
      if (!response.json.has_more) break;
      cursor = response.json.data.at(-1).id;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual([...created].sort());
    // newest first
    expect(seen).toEqual([...created].reverse());

    const cancelledId = created[2];
    await call(cancelPayinRoute, "POST", "/x", { key: D.key, params: { id: cancelledId }, body: {} });
    const cancelled = await page(D.key, "?status=cancelled");
    expect(cancelled.json.data.map((o: { id: string }) => o.id)).toEqual([cancelledId]);
    expect(cancelled.json.has_more).toBe(false);
    const awaiting = await page(D.key, "?status=awaiting_payment&limit=100");
    expect(awaiting.json.data).toHaveLength(4);
    expect((await page(D.key, "?type=payin")).json.data).toHaveLength(5);
    expect((await page(D.key, "?type=payout")).json).toEqual({ object: "list", data: [], has_more: false });

    // Another store's orders never show up.
    const other = await page(B.key, "?limit=100");
    for (const o of other.json.data) expect(created).not.toContain(o.id);
  });

  it("lists pay-ins and payouts together newest first", async () => {
    const E = await storeWithApiKey();
    await creditStoreUsdt(currencies, E.store.id, 1_000_000_000n);
    const payout = await createPayout(E.key);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const payin = await createPayin(E.key);
    const response = await page(E.key, "");
    expect(response.json.data.map((o: { id: string }) => o.id)).toEqual([payin.id, payout.id]);
  });

  it("answers 422 for a bad limit, cursor, status, type or unknown parameter", async () => {
    for (const [query, param] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=abc", "limit"],
      ["?limit=1.5", "limit"],
      ["?starting_after=pi_123", "starting_after"],
      ["?status=done", "status"],
      ["?type=refund", "type"],
      ["?foo=bar", undefined],
    ] as const) {
      expectErrorShape(await page(A.key, query), 422, undefined, param);
    }
  });
});

describe("Idempotency-Key (contract)", () => {
  it("replays the first response with idempotent-replayed: true; a different body → 409 idempotency_conflict", async () => {
    const key = uniqueId("idem");
    const body = payinBody({ amount: nextAmount() });
    const first = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body, headers: { "idempotency-key": key } });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const replay = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body, headers: { "idempotency-key": key } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json).toEqual(first.json);

    const conflict = await call(createPayinRoute, "POST", "/api/v1/payin", {
      key: A.key,
      body: { ...body, amount: body.amount + 1 },
      headers: { "idempotency-key": key },
    });
    const error = expectErrorShape(conflict, 409, "idempotency_conflict");
    expect(error.type).toBe("conflict");
    expect(await ordersOf(body.merchant_order_id)).toBe(1);
  });

  it("refuses an Idempotency-Key over 255 characters with 422", async () => {
    const body = payinBody({ amount: nextAmount() });
    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: A.key, body, headers: { "idempotency-key": "k".repeat(256) } });
    expectErrorShape(response, 422, "invalid_idempotency_key");
    expect(await ordersOf(body.merchant_order_id)).toBe(0);
  });
});

// Last: the limit is a platform setting, so the other tests of this file run before it is lowered.
describe("429 rate limit", () => {
  afterAll(async () => {
    await setSetting("rate_limit.per_api_key_per_minute", 600);
    await setSetting("rate_limit.per_ip_per_minute", 1200);
  });

  async function startOfFreshWindow() {
    // Keep the requests of one check inside one one-minute window.
    const intoWindow = Date.now() % 60_000;
    if (intoWindow > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoWindow + 50));
  }

  it("answers 429 with Retry-After after rate_limit.per_api_key_per_minute requests of one key", async () => {
    const F = await storeWithApiKey();
    await setSetting("rate_limit.per_api_key_per_minute", 3);
    await startOfFreshWindow();
    for (let i = 0; i < 3; i++) {
      const ok = await call(balanceRoute, "GET", "/api/v1/balance", { key: F.key });
      expect(ok.status, ok.text).toBe(200);
    }
    const limited = await call(balanceRoute, "GET", "/api/v1/balance", { key: F.key });
    const error = expectErrorShape(limited, 429, "rate_limited");
    expect(error.type).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // A POST over the limit writes nothing.
    const body = payinBody({ amount: nextAmount() });
    expectErrorShape(await call(createPayinRoute, "POST", "/api/v1/payin", { key: F.key, body }), 429, "rate_limited");
    expect(await ordersOf(body.merchant_order_id)).toBe(0);
  });

  it("answers 429 per client IP across keys", async () => {
    await setSetting("rate_limit.per_api_key_per_minute", 600);
    await setSetting("rate_limit.per_ip_per_minute", 3);
    await startOfFreshWindow();
    const [G, H] = [await storeWithApiKey(), await storeWithApiKey()];
    const ip = { "x-forwarded-for": "203.0.113.77" };
    for (const key of [G.key, H.key, G.key]) expect((await call(balanceRoute, "GET", "/x", { key, headers: ip })).status).toBe(200);
    const limited = await call(balanceRoute, "GET", "/x", { key: H.key, headers: ip });
    expectErrorShape(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another IP is not affected.
    expect((await call(balanceRoute, "GET", "/x", { key: H.key, headers: { "x-forwarded-for": "203.0.113.78" } })).status).toBe(200);
  });

  it("counts requests with wrong keys against the IP, so key guessing is throttled", async () => {
    await setSetting("rate_limit.per_ip_per_minute", 3);
    await startOfFreshWindow();
    const ip = { "x-forwarded-for": "203.0.113.79" };
    for (let i = 0; i < 3; i++) {
      expectErrorShape(await call(balanceRoute, "GET", "/x", { key: `sk_test_guess${i}`, headers: ip }), 401, "invalid_api_key");
    }
    expectErrorShape(await call(balanceRoute, "GET", "/x", { key: "sk_test_guess9", headers: ip }), 429, "rate_limited");
    // Even the right key is refused from that IP until the window ends.
    const J = await storeWithApiKey();
    expectErrorShape(await call(balanceRoute, "GET", "/x", { key: J.key, headers: ip }), 429, "rate_limited");
  });
});
