// Payouts over real HTTP against the app Playwright started (seeded demo data): a payout is
// offered to the online demo trader, who declines, accepts, releases or pays it; the merchant can
// cancel only before a trader took it, and confirms a paid one — once.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_MERCHANT_KEY, uniqueId } from "../helpers/db";

const TRADER = { authorization: "Bearer jp_test_demo_trader_token" };
const MERCHANT = { authorization: `Bearer ${DEMO_MERCHANT_KEY}` };
const RECEIPT = {
  receipt: {
    file_name: "sbp.png",
    content_type: "image/png",
    data_base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  },
};

async function ok(response: APIResponse, status = 200) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  return JSON.parse(text);
}

async function refused(response: APIResponse, status: number, code: string) {
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
}

/** A new payout of the demo store, offered to the demo trader (online: it just used its token). */
async function offeredPayout(request: APIRequestContext) {
  await ok(await request.get("/api/v1/trader/orders", { headers: TRADER }));
  const payout = await ok(
    await request.post("/api/v1/payout", {
      headers: MERCHANT,
      data: {
        amount: 50_000 + Math.floor(Math.random() * 50_000),
        currency: "RUB",
        customer_id: uniqueId("e2e-payee"),
        merchant_order_id: uniqueId("e2e-payout"),
        destination: { type: "card", number: "2200123456789010", holder: "IVAN PETROV" },
      },
    }),
    201,
  );
  expect(payout.status).toBe("created");
  // The offer is in the trader's list (the demo trader has the highest traffic priority).
  await expect
    .poll(async () => (await ok(await request.get("/api/v1/trader/orders", { headers: TRADER }))).data.map((o: { id: string }) => o.id))
    .toContain(payout.id);
  return payout.id as string;
}

const post = (request: APIRequestContext, path: string, headers: Record<string, string>, data: unknown = {}) => request.post(path, { headers, data });

test("decline: the offer leaves the trader's list and cannot be accepted; the merchant may still cancel", async ({ request }) => {
  const id = await offeredPayout(request);
  expect(await ok(await post(request, `/api/v1/trader/orders/${id}/decline`, TRADER))).toEqual({ id, object: "payout", offer: "declined" });
  const list = await ok(await request.get("/api/v1/trader/orders", { headers: TRADER }));
  expect(list.data.map((o: { id: string }) => o.id)).not.toContain(id);
  await refused(await post(request, `/api/v1/trader/orders/${id}/accept`, TRADER), 404, "order_not_found");
  expect((await ok(await post(request, `/api/v1/payout/${id}/cancel`, MERCHANT))).status).toBe("cancelled");
});

test("accept → the merchant cannot cancel → release → offered on → the merchant cancels", async ({ request }) => {
  const id = await offeredPayout(request);
  expect((await ok(await post(request, `/api/v1/trader/orders/${id}/accept`, TRADER))).status).toBe("assigned");
  await refused(await post(request, `/api/v1/trader/orders/${id}/accept`, TRADER), 409, "invalid_state");
  await refused(await post(request, `/api/v1/payout/${id}/cancel`, MERCHANT), 409, "invalid_state");
  expect((await ok(await post(request, `/api/v1/trader/orders/${id}/release`, TRADER, { reason: "Card limit reached" }))).status).toBe("created");
  expect((await ok(await post(request, `/api/v1/payout/${id}/cancel`, MERCHANT))).status).toBe("cancelled");
});

test("accept → paid with receipt → the merchant cannot cancel, confirms once → completed", async ({ request }) => {
  const id = await offeredPayout(request);
  await ok(await post(request, `/api/v1/trader/orders/${id}/accept`, TRADER));
  const paid = await ok(await post(request, `/api/v1/trader/orders/${id}/paid`, TRADER, RECEIPT));
  expect(paid.status).toBe("paid");
  expect(Date.parse(paid.expires_at)).toBeGreaterThan(Date.now());
  await refused(await post(request, `/api/v1/payout/${id}/cancel`, MERCHANT), 409, "invalid_state");
  await refused(await post(request, `/api/v1/trader/orders/${id}/confirm`, TRADER), 404, "order_not_found");
  expect((await ok(await post(request, `/api/v1/payout/${id}/confirm`, MERCHANT))).status).toBe("completed");
  await refused(await post(request, `/api/v1/payout/${id}/confirm`, MERCHANT), 409, "invalid_state");
  await refused(await post(request, `/api/v1/payout/${id}/dispute`, MERCHANT, { reason: "too late" }), 409, "invalid_state");
});
