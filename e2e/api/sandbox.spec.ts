// Issue 14's sandbox, over real HTTP as a developer would drive it with curl: the published demo
// sandbox key creates pay-ins whose amount's last two digits pick what the simulated trader does,
// and every step arrives at a real local receiver as a Standard Webhooks callback whose signature
// is verified. The demo live key's orders are never touched by the simulator.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { DEMO_LOGINS } from "../../prisma/demo-logins";
import { openDb, uniqueId } from "../helpers/db";

const SANDBOX_KEY = DEMO_LOGINS.merchantSandboxApiKey;
const LIVE_KEY = DEMO_LOGINS.merchantApiKey;
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

interface Received {
  type: string;
  orderId: string;
}

test("the demo sandbox key drives every pay-in callback type, signed, and leaves live orders alone", async ({ request }) => {
  test.setTimeout(120_000);
  const db = openDb();
  await db.connect();
  const {
    rows: [store],
  } = await db.query(`SELECT s.id, s.webhook_secret, s.callback_url FROM merchant_store s WHERE s.is_sandbox AND s.name = 'Demo Sandbox Store'`);
  const received: Received[] = [];
  const rejected: string[] = [];
  const webhook = new Webhook(store.webhook_secret);
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const event = webhook.verify(body, req.headers as Record<string, string>) as { type: string; data: { id: string } };
        received.push({ type: event.type, orderId: event.data.id });
        res.writeHead(200).end();
      } catch (error) {
        rejected.push(String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The demo sandbox store's callback URL points at this receiver for the test (restored after).
  await db.query(`UPDATE merchant_store SET callback_url = $1 WHERE id = $2`, [`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, store.id]);

  const create = async (key: string, amount: number) => {
    const data = { amount, currency: "RUB", customer_id: uniqueId("cust"), merchant_order_id: uniqueId("mo") };
    const response = await request.post("/api/v1/payin", { headers: { ...bearer(key), "idempotency-key": uniqueId("idem") }, data });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; status: string };
  };
  const typesOf = (id: string) => received.filter((r) => r.orderId === id).map((r) => r.type);

  try {
    const live = await create(LIVE_KEY, 150_000); // …00 on the live key: a real trader's order
    const completes = await create(SANDBOX_KEY, 1_000_000);
    const expires = await create(SANDBOX_KEY, 1_000_001);
    const disputes = await create(SANDBOX_KEY, 1_000_002);
    const fails = await create(SANDBOX_KEY, 1_000_003);
    const waits = await create(SANDBOX_KEY, 1_000_077);
    expect([completes, expires, disputes, waits].map((o) => o.status)).toEqual(Array(4).fill("awaiting_payment"));
    expect(fails.status).toBe("created");

    // Any other amount waits for the merchant's confirm (the customer paid), then completes.
    const confirmed = await request.post(`/api/v1/payin/${waits.id}/confirm`, { headers: { ...bearer(SANDBOX_KEY), "idempotency-key": uniqueId("idem") }, data: {} });
    expect(confirmed.status(), await confirmed.text()).toBe(200);

    const last = (id: string) => typesOf(id).at(-1);
    await expect.poll(() => [last(completes.id), last(disputes.id), last(fails.id), last(waits.id)], { timeout: 30_000 }).toEqual([
      "payin.completed",
      "payin.disputed",
      "payin.failed",
      "payin.completed",
    ]);
    await expect.poll(() => last(expires.id), { timeout: 45_000 }).toBe("payin.expired");

    expect(typesOf(completes.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.completed"]);
    expect(typesOf(disputes.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed"]);
    expect(typesOf(expires.id)).toEqual(["payin.awaiting_payment", "payin.expired"]);
    expect(typesOf(fails.id)).toEqual(["payin.failed"]);
    expect(typesOf(waits.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.completed"]);
    expect(rejected).toEqual([]);

    // The same amount again is fine in the sandbox (a developer re-runs their test).
    expect((await create(SANDBOX_KEY, 1_000_000)).status).toBe("awaiting_payment");

    // The live order went to a real trader and nothing moved it.
    const liveNow = await request.get(`/api/v1/payin/${live.id}`, { headers: bearer(LIVE_KEY) });
    expect(await liveNow.json()).toMatchObject({ id: live.id, status: "awaiting_payment" });
    const { rows } = await db.query(`SELECT t.is_sandbox FROM incoming_orders o JOIN trader t ON t.id = o.trader_id WHERE o.id = $1`, [live.id]);
    expect(rows).toEqual([{ is_sandbox: false }]);
    // The keys cannot cross: the sandbox key does not see the live order.
    expect((await request.get(`/api/v1/payin/${live.id}`, { headers: bearer(SANDBOX_KEY) })).status()).toBe(404);
  } finally {
    await db.query(`UPDATE merchant_store SET callback_url = $1 WHERE id = $2`, [store.callback_url, store.id]);
    await db.end();
    await new Promise((resolve) => server.close(resolve));
  }
});
