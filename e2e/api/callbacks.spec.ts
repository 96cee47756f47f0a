// Issue 4's "done when", over real HTTP against the app Playwright started (no Inngest server:
// the in-process sweeps do the work): a store whose callback URL is a receiver in this test
// gets, for one pay-in that expires and one that completes, callbacks that the
// `standardwebhooks` library verifies, in order, each webhook-id once.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { openDb, uniqueId } from "../helpers/db";

const TRADER_TOKEN = "jp_test_demo_trader_token";
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

interface Received {
  id: string;
  type: string;
  orderId: string;
  status: string;
}

test("expired and completed pay-ins reach the merchant as Standard Webhooks callbacks, without Inngest", async ({ request }) => {
  test.setTimeout(90_000);
  const secret = `whsec_${crypto.randomBytes(24).toString("base64")}`;
  const webhook = new Webhook(secret);
  const received: Received[] = [];
  const rejected: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        const event = webhook.verify(body, req.headers as Record<string, string>) as { type: string; data: { id: string; status: string } };
        received.push({ id: String(req.headers["webhook-id"]), type: event.type, orderId: event.data.id, status: event.data.status });
        res.writeHead(200).end();
      } catch (error) {
        rejected.push(String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;

  // A store of the demo merchant with this receiver as its callback URL and its own API key.
  const db = openDb();
  await db.connect();
  const apiKey = `jp_test_${crypto.randomBytes(16).toString("hex")}`;
  try {
    const { rows: [store] } = await db.query(
      `INSERT INTO merchant_store (user_id, name, callback_url, webhook_secret, updated_at)
       SELECT id, $1, $2, $3, now() FROM users WHERE email = 'merchant@jivapay.dev' RETURNING id`,
      [uniqueId("e2e-callbacks"), callbackUrl, secret],
    );
    await db.query(`INSERT INTO merchant_api_keys (store_id, name, key_prefix, key_hash) VALUES ($1, 'e2e', $2, $3)`, [
      store.id,
      apiKey.slice(0, 12),
      crypto.createHash("sha256").update(apiKey).digest("hex"),
    ]);

    const create = async () => {
      const data = { amount: 100_000 + Math.floor(Math.random() * 100_000), currency: "RUB", customer_id: uniqueId("cust"), merchant_order_id: uniqueId("mo") };
      const response = await request.post("/api/v1/payin", { headers: bearer(apiKey), data });
      expect(response.status(), await response.text()).toBe(201);
      const order = await response.json();
      expect(order.status).toBe("awaiting_payment");
      return order.id as string;
    };

    // One pay-in lets its deadline pass (moved to a second ago: the payment TTL is a platform
    // setting other specs rely on); the sweep expires it.
    const expiring = await create();
    await db.query(`UPDATE incoming_orders SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring]);
    // The other is confirmed by the demo trader (highest traffic priority) through the trader API.
    const completing = await create();
    const confirmed = await request.post(`/api/v1/trader/orders/${completing}/confirm`, { headers: bearer(TRADER_TOKEN) });
    expect(confirmed.status(), await confirmed.text()).toBe(200);

    await expect
      .poll(() => received.map((r) => `${r.orderId} ${r.type}`).sort(), { timeout: 30_000 })
      .toEqual([`${completing} payin.awaiting_payment`, `${completing} payin.completed`, `${expiring} payin.awaiting_payment`, `${expiring} payin.expired`].sort());
    expect(rejected).toEqual([]);
    // In order per order, each webhook-id once.
    for (const id of [expiring, completing]) {
      expect(received.filter((r) => r.orderId === id).map((r) => r.type)[0]).toBe("payin.awaiting_payment");
    }
    expect(new Set(received.map((r) => r.id)).size).toBe(received.length);
    // The sender records an attempt after the receiver has answered: wait for that write.
    const statuses = async () => (await db.query(`SELECT status, count(*)::int AS n FROM callback_deliveries WHERE store_id = $1 GROUP BY status`, [store.id])).rows;
    await expect.poll(statuses, { timeout: 10_000 }).toEqual([{ status: "succeeded", n: 4 }]);
  } finally {
    await db.end();
    await new Promise((resolve) => server.close(resolve));
  }
});
