// The gateway over real HTTP against the app Playwright started (seeded demo data): a merchant
// creates a pay-in with the demo key, the demo trader confirms it through the trader API, and
// the store's balance grows by exactly its credit u·(1−s).
import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO_MERCHANT_KEY, uniqueId } from "../helpers/db";

const TRADER_TOKEN = "jp_test_demo_trader_token";
/** The demo store's pay-in commission (prisma/seed.ts DEMO_STORE.payinCommission). */
const DEMO_STORE_PAYIN_COMMISSION = { numerator: 3n, denominator: 100n };

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** "12.345678" → 12345678n (exact; no floating point). */
function decimalToMinor(value: string, exponent: number): bigint {
  const [whole, fraction = ""] = value.split(".");
  return BigInt(whole + fraction.padEnd(exponent, "0").slice(0, exponent));
}

/** round-half-up(n / d) for non-negative bigints. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

async function usdtAvailable(response: APIResponse): Promise<bigint> {
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.object).toBe("balance");
  const usdt = (body.data as { currency: string; available: number | string; available_decimal: string }[]).find((b) => b.currency === "USDT");
  if (!usdt) return 0n;
  expect(BigInt(usdt.available)).toBe(decimalToMinor(usdt.available_decimal, 6));
  return BigInt(usdt.available);
}

async function expectApiError(response: APIResponse, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/json");
  const text = await response.text();
  expect(text).not.toContain("stack");
  expect(text).not.toContain("at /");
  const body = JSON.parse(text);
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatchObject({ type: expect.any(String), code, message: expect.any(String) });
  expect(Object.keys(body.error).filter((k) => k !== "param").sort()).toEqual(["code", "message", "type"]);
}

test("pay-in with the demo key → trader confirms through the trader API → store credited u·(1−s)", async ({ request }) => {
  const before = await usdtAvailable(await request.get("/api/v1/balance", { headers: bearer(DEMO_MERCHANT_KEY) }));

  // An odd amount between 1 000 and 2 000 RUB, unlikely to collide with another open order.
  const amount = 100_000 + Math.floor(Math.random() * 100_000);
  const payin = { amount, currency: "RUB", customer_id: uniqueId("e2e-cust"), merchant_order_id: uniqueId("e2e-gw") };
  const created = await request.post("/api/v1/payin", { headers: bearer(DEMO_MERCHANT_KEY), data: payin });
  expect(created.status(), await created.text()).toBe(201);
  const order = await created.json();
  expect(order).toMatchObject({ object: "payin", status: "awaiting_payment", amount, currency: "RUB", merchant_order_id: payin.merchant_order_id });
  expect(order.id).toMatch(/^pi_[0-9A-HJKMNP-TV-Z]{26}$/);
  expect(order.requisite).toMatchObject({ type: expect.any(String), number: expect.any(String), holder: expect.any(String) });
  expect(order.requisite.number.length).toBeGreaterThan(0);

  // u = A / R at the rate fixed on the order, half-up, in micro-USDT.
  const u = decimalToMinor(order.crypto_amount, 6);
  const [rateWhole, rateFraction = ""] = String(order.rate).split(".");
  const rateNumerator = BigInt(rateWhole + rateFraction);
  const rateDenominator = 10n ** BigInt(rateFraction.length);
  expect(u).toBe(divideHalfUp(BigInt(amount) * rateDenominator * 10n ** 6n, rateNumerator * 10n ** 2n));

  // The demo trader (highest traffic priority) has it in their queue and confirms it.
  const queue = await request.get("/api/v1/trader/orders", { headers: bearer(TRADER_TOKEN) });
  expect(queue.status()).toBe(200);
  expect((await queue.json()).data.map((o: { id: string }) => o.id)).toContain(order.id);
  const confirmed = await request.post(`/api/v1/trader/orders/${order.id}/confirm`, { headers: bearer(TRADER_TOKEN) });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  expect(await confirmed.json()).toMatchObject({ id: order.id, object: "payin", status: "completed" });

  // The merchant sees it completed and the balance grew by exactly u − round_half_up(u·s).
  const fetched = await request.get(`/api/v1/payin/${order.id}`, { headers: bearer(DEMO_MERCHANT_KEY) });
  expect((await fetched.json()).status).toBe("completed");
  const after = await usdtAvailable(await request.get("/api/v1/balance", { headers: bearer(DEMO_MERCHANT_KEY) }));
  const fee = divideHalfUp(u * DEMO_STORE_PAYIN_COMMISSION.numerator, DEMO_STORE_PAYIN_COMMISSION.denominator);
  expect(after - before).toBe(u - fee);

  // Confirming twice is refused and changes nothing.
  await expectApiError(await request.post(`/api/v1/trader/orders/${order.id}/confirm`, { headers: bearer(TRADER_TOKEN) }), 409, "invalid_state");
});

test("Idempotency-Key over HTTP: a replay returns the first response, marked as replayed", async ({ request }) => {
  const headers = { ...bearer(DEMO_MERCHANT_KEY), "idempotency-key": uniqueId("e2e-idem") };
  const data = { amount: 200_000 + Math.floor(Math.random() * 100_000), currency: "RUB", customer_id: uniqueId("e2e-cust"), merchant_order_id: uniqueId("e2e-gw") };
  const first = await request.post("/api/v1/payin", { headers, data });
  expect(first.status(), await first.text()).toBe(201);
  const replay = await request.post("/api/v1/payin", { headers, data });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(await first.json());
  await expectApiError(await request.post("/api/v1/payin", { headers, data: { ...data, amount: data.amount + 1 } }), 409, "idempotency_conflict");
  // Leave nothing open on the demo trader's requisites.
  const cancelled = await request.post(`/api/v1/payin/${(await first.json()).id}/cancel`, { headers: bearer(DEMO_MERCHANT_KEY), data: {} });
  expect(cancelled.status()).toBe(200);
});

test("errors over HTTP have the one error shape: bad key, missing key, bad JSON", async ({ request }) => {
  const data = { amount: 100_000, currency: "RUB", customer_id: uniqueId("e2e-cust"), merchant_order_id: uniqueId("e2e-gw") };
  await expectApiError(await request.post("/api/v1/payin", { headers: bearer("jp_test_not_a_real_key_000000"), data }), 401, "invalid_api_key");
  await expectApiError(await request.post("/api/v1/payin", { data }), 401, "missing_api_key");
  await expectApiError(await request.get("/api/v1/balance", { headers: { authorization: "Basic Zm9vOmJhcg==" } }), 401, "missing_api_key");
  await expectApiError(await request.get("/api/v1/trader/orders", { headers: bearer(DEMO_MERCHANT_KEY) }), 401, "invalid_api_token");
  await expectApiError(
    // A Buffer is sent as-is (Playwright JSON-encodes a non-JSON string sent as application/json).
    await request.post("/api/v1/payin", { headers: { ...bearer(DEMO_MERCHANT_KEY), "content-type": "application/json" }, data: Buffer.from('{"amount": 1') }),
    400,
    "invalid_json",
  );
  await expectApiError(await request.post("/api/v1/payin", { headers: bearer(DEMO_MERCHANT_KEY), data: { ...data, amount: -1 } }), 422, "invalid_value");
  await expectApiError(await request.get(`/api/v1/payout/pi_01ARZ3NDEKTSV4RRFFQ69G5FAV`, { headers: bearer(DEMO_MERCHANT_KEY) }), 404, "order_not_found");
});
