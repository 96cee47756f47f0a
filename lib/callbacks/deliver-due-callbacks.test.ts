// The delivery engine against this file's own PostgreSQL and a real HTTP receiver on
// 127.0.0.1; callbacks come from real orders moved through the order engine.
import { afterEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { prisma } from "@/lib/db/client";
import { createStore } from "@/lib/testing";
import { getStoreOrder } from "@/lib/orders/get-order";
import { serializeOrder } from "@/lib/orders/serialize-order";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit";
import { setSetting } from "@/lib/testing/fixtures";
import { payinWithCallbacks } from "@/lib/testing/callback-orders";
import { sleep, useCallbackReceiver } from "@/lib/testing/callback-receiver";
import { deliverCallback } from "./deliver-callback";
import { deliverDueCallbacks } from "./deliver-due-callbacks";
import { rotateWebhookSecret } from "./rotate-webhook-secret";

const receiver = useCallbackReceiver();
const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const headersOf = (r: { headers: Record<string, unknown> }) => r.headers as Record<string, string>;

async function callbackRow(id: bigint) {
  return prisma.callbackDelivery.findUniqueOrThrow({ where: { id }, include: { attemptsLog: { orderBy: { id: "asc" } } } });
}

afterEach(async () => {
  await setSetting("callbacks.allowed_private_hosts", ["127.0.0.1"]);
});

describe("deliverDueCallbacks", () => {
  it("POSTs exactly the stored payload, signed so that standardwebhooks verifies it, and records the attempt", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { orderId, callbacks } = await payinWithCallbacks(store, "completed");

    expect(await deliverDueCallbacks()).toEqual({ delivered: 3, retried: 0, failed: 0 });

    expect(receiver.received.map((r) => r.eventType)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.completed"]);
    const webhook = new Webhook(store.webhookSecret);
    for (const [i, request] of receiver.received.entries()) {
      expect(request.webhookId).toBe(callbacks[i].webhookId);
      expect(request.body).toBe(JSON.stringify(callbacks[i].payload));
      expect(request.headers["content-type"]).toBe("application/json");
      expect(Math.abs(Number(request.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
      expect(webhook.verify(request.body, headersOf(request))).toEqual(callbacks[i].payload);
    }
    // The last callback carries the order as the API returns it now.
    const completed = JSON.parse(receiver.received[2].body);
    expect(completed).toEqual({ type: "payin.completed", data: JSON.parse(JSON.stringify(serializeOrder(await getStoreOrder(store.id, orderId)))) });

    const row = await callbackRow(callbacks[2].id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lastError: null, lockedUntil: null });
    expect(row.deliveredAt).toBeInstanceOf(Date);
    expect(row.attemptsLog).toHaveLength(1);
    expect(row.attemptsLog[0]).toMatchObject({ url: receiver.url, statusCode: 200, error: null });
    expect(row.attemptsLog[0].latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("signs with both secrets during a rotation and only the new one after the overlap", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const rotated = await rotateWebhookSecret(store.id, SYSTEM_ACTOR);
    await payinWithCallbacks(store, "awaiting_payment");
    await deliverDueCallbacks();
    const [during] = receiver.received;
    expect(headersOf(during)["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(rotated.secret).verify(during.body, headersOf(during))).toBeTruthy();
    expect(new Webhook(store.webhookSecret).verify(during.body, headersOf(during))).toBeTruthy();

    await payinWithCallbacks(store, "awaiting_payment");
    await deliverDueCallbacks({ now: later(rotated.rotatedAt, 24 * 3600 + 1) });
    const after = receiver.received[1];
    expect(headersOf(after)["webhook-signature"].split(" ")).toHaveLength(1);
    expect(new Webhook(rotated.secret).verify(after.body, headersOf(after))).toBeTruthy();
    expect(() => new Webhook(store.webhookSecret).verify(after.body, headersOf(after))).toThrow();
  });

  it("retries after a 500 on the schedule and delivers later", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "awaiting_payment");
    receiver.respond = (_r, timesSeen) => (timesSeen === 1 ? 500 : 200);
    const now = new Date();

    expect(await deliverDueCallbacks({ now })).toEqual({ delivered: 0, retried: 1, failed: 0 });
    let row = await callbackRow(callbacks[0].id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500", lockedUntil: null, deliveredAt: null });
    expect(row.nextAttemptAt).toEqual(later(now, 10)); // the schedule's first delay

    expect(await deliverDueCallbacks({ now: later(now, 9) })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(await deliverDueCallbacks({ now: later(now, 10) })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    row = await callbackRow(callbacks[0].id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 200, lastError: null });
    expect(row.attemptsLog.map((a) => [a.statusCode, a.error])).toEqual([
      [500, "HTTP 500"],
      [200, null],
    ]);
    expect(receiver.received.map((r) => r.webhookId)).toEqual([callbacks[0].webhookId, callbacks[0].webhookId]);
  });

  it("retries after a timeout", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "awaiting_payment");
    receiver.respond = async (_r, timesSeen) => {
      if (timesSeen === 1) await sleep(1500);
      return 200;
    };
    const now = new Date();
    expect(await deliverDueCallbacks({ now, timeoutMs: 200 })).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const row = await callbackRow(callbacks[0].id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: "timeout: no response within 200 ms" });
    expect(row.attemptsLog[0].latencyMs).toBeGreaterThanOrEqual(190);

    expect(await deliverDueCallbacks({ now: later(now, 10), timeoutMs: 200 })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect((await callbackRow(callbacks[0].id)).status).toBe("succeeded");
  });

  it("keeps each order's callbacks in order: sequence 2 waits until sequence 1 succeeded", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "completed");
    receiver.respond = (request, timesSeen) => (request.webhookId === callbacks[0].webhookId && timesSeen === 1 ? 500 : 200);
    const now = new Date();

    expect(await deliverDueCallbacks({ now })).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(receiver.received.map((r) => r.eventType)).toEqual(["payin.awaiting_payment"]);
    expect(await deliverCallback(callbacks[1].id, { now })).toBeNull(); // not even when asked for directly
    expect((await callbackRow(callbacks[1].id)).status).toBe("pending");

    expect(await deliverDueCallbacks({ now: later(now, 10) })).toEqual({ delivered: 3, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => r.eventType)).toEqual(["payin.awaiting_payment", "payin.awaiting_payment", "payin.paid", "payin.completed"]);
  });

  it("never sends a callback again after it succeeded, however often the sweep runs", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "paid");
    const now = new Date();
    expect(await deliverDueCallbacks({ now })).toEqual({ delivered: 2, retried: 0, failed: 0 });
    for (const seconds of [0, 11, 3600, 47 * 3600, 72 * 3600]) {
      expect(await deliverDueCallbacks({ now: later(now, seconds) })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    }
    expect(await deliverCallback(callbacks[0].id, { now: later(now, 60) })).toBeNull();
    expect([...receiver.countsById().values()]).toEqual([1, 1]);
  });

  it("fails a callback for good once it is older than callbacks.max_age_hours; the order's next one goes on", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "cancelled");
    receiver.respond = () => 503;
    const now = new Date();
    expect(await deliverDueCallbacks({ now })).toEqual({ delivered: 0, retried: 1, failed: 0 });

    const afterMaxAge = later(callbacks[1].createdAt, 48 * 3600); // both callbacks' deadlines have passed
    expect(await deliverDueCallbacks({ now: afterMaxAge })).toEqual({ delivered: 0, retried: 0, failed: 2 });
    expect(receiver.received.map((r) => r.eventType)).toEqual(["payin.awaiting_payment", "payin.awaiting_payment", "payin.cancelled"]);
    const first = await callbackRow(callbacks[0].id);
    expect(first).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: 503, lastError: "HTTP 503", deliveredAt: null, lockedUntil: null });
    expect(await deliverDueCallbacks({ now: later(afterMaxAge, 86_400) })).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it("fails callbacks of a store without a callback URL at once, without an attempt", async () => {
    const store = await createStore(prisma, { callbackUrl: null });
    const { callbacks } = await payinWithCallbacks(store, "paid");
    expect(await deliverDueCallbacks()).toEqual({ delivered: 0, retried: 0, failed: 2 });
    for (const callback of callbacks) {
      const row = await callbackRow(callback.id);
      expect(row).toMatchObject({ status: "failed", attempts: 0, lastError: "no_callback_url: the store has no callback URL" });
      expect(row.attemptsLog).toEqual([]);
    }
  });

  it("records an SSRF refusal as a failed attempt and sends nothing", async () => {
    await setSetting("callbacks.allowed_private_hosts", []);
    const loopback = await createStore(prisma, { callbackUrl: receiver.url });
    const ftp = await createStore(prisma, { callbackUrl: "ftp://merchant.example/hooks" });
    const [a, b] = [await payinWithCallbacks(loopback, "awaiting_payment"), await payinWithCallbacks(ftp, "awaiting_payment")];

    expect(await deliverDueCallbacks()).toEqual({ delivered: 0, retried: 2, failed: 0 });
    expect(receiver.received).toEqual([]);
    const refusedLoopback = await callbackRow(a.callbacks[0].id);
    expect(refusedLoopback).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(refusedLoopback.lastError).toBe("refused: 127.0.0.1 is a loopback address; such hosts are not allowed");
    expect(refusedLoopback.attemptsLog[0]).toMatchObject({ url: receiver.url, statusCode: null, latencyMs: null });
    expect((await callbackRow(b.callbacks[0].id)).lastError).toBe("refused: ftp: URLs are not allowed; use http or https");
  });

  it("lets two sweeps run in parallel without delivering any callback twice, in order per order", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await payinWithCallbacks(store, i % 2 ? "completed" : "paid"));
    const total = orders.reduce((n, o) => n + o.callbacks.length, 0);
    receiver.respond = async () => {
      await sleep(5 + Math.random() * 15);
      return 200;
    };

    const [one, two] = await Promise.all([deliverDueCallbacks({ limit: 1000 }), deliverDueCallbacks({ limit: 1000 })]);
    expect(one.delivered + two.delivered).toBe(total);
    expect(one.retried + two.retried + one.failed + two.failed).toBe(0);
    expect(receiver.received).toHaveLength(total);
    expect(new Set(receiver.received.map((r) => r.webhookId)).size).toBe(total);
    for (const order of orders) {
      expect(receiver.received.filter((r) => r.orderId === order.orderId).map((r) => r.webhookId)).toEqual(order.callbacks.map((c) => c.webhookId));
    }
    expect(await prisma.callbackDelivery.count({ where: { storeId: store.id, status: "succeeded" } })).toBe(total);
  });

  it("respects the limit", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    for (let i = 0; i < 3; i++) await payinWithCallbacks(store, "awaiting_payment");
    expect(await deliverDueCallbacks({ limit: 2 })).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(await deliverDueCallbacks({ limit: 2 })).toEqual({ delivered: 1, retried: 0, failed: 0 });
  });
});

describe("deliverCallback", () => {
  it("delivers one callback and then the order's following ones", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "completed");
    expect(await deliverCallback(callbacks[0].id)).toBe("delivered");
    expect(receiver.received.map((r) => r.webhookId)).toEqual(callbacks.map((c) => c.webhookId));
    expect(await deliverCallback(callbacks[0].id)).toBeNull();
  });
});
