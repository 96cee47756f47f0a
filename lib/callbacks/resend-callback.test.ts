import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { createStore } from "@/lib/testing";
import { payinWithCallbacks, setupCallbackWorld } from "@/test/callbacks/orders";
import { startReceiver, type Receiver } from "@/test/callbacks/receiver";
import { deliverDueCallbacks } from "./deliver-due-callbacks";
import { resendCallback } from "./resend-callback";

let receiver: Receiver;

beforeAll(async () => {
  await setupCallbackWorld();
  receiver = await startReceiver();
});

afterAll(() => receiver.close());

async function domainError(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("resendCallback", () => {
  it("sends a delivered callback again now, with the same webhook-id", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { orderId, callbacks } = await payinWithCallbacks(store, "paid");
    await deliverDueCallbacks();
    receiver.received.length = 0;

    const latest = await resendCallback(store.id, orderId);
    expect(latest).toMatchObject({ id: callbacks[1].id, status: "succeeded", attempts: 2, lastStatusCode: 200 });
    expect(latest.attemptsLog).toHaveLength(2);

    const first = await resendCallback(store.id, orderId, callbacks[0].id);
    expect(first).toMatchObject({ id: callbacks[0].id, status: "succeeded", attempts: 2 });
    expect(receiver.received.map((r) => r.webhookId)).toEqual([callbacks[1].webhookId, callbacks[0].webhookId]);
  });

  it("re-queues a failed callback and keeps retrying it on the schedule", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { orderId, callbacks } = await payinWithCallbacks(store, "awaiting_payment");
    await prisma.callbackDelivery.update({ where: { id: callbacks[0].id }, data: { status: "failed", attempts: 12, lastError: "HTTP 500" } });
    receiver.respond = () => 502;
    try {
      const resent = await resendCallback(store.id, orderId);
      expect(resent).toMatchObject({ status: "pending", attempts: 13, lastStatusCode: 502 });
    } finally {
      receiver.respond = () => 200;
    }
  });

  it("refuses another store's order, an unknown callback and a store without a callback URL", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const other = await createStore(prisma, { callbackUrl: receiver.url });
    const { orderId } = await payinWithCallbacks(store, "awaiting_payment");
    const { callbacks: otherCallbacks } = await payinWithCallbacks(other, "awaiting_payment");
    expect((await domainError(resendCallback(other.id, orderId))).code).toBe("order_not_found");
    expect(await domainError(resendCallback(store.id, orderId, otherCallbacks[0].id))).toMatchObject({ kind: "not_found", code: "callback_not_found" });

    const silent = await createStore(prisma, { callbackUrl: null });
    const { orderId: silentOrder } = await payinWithCallbacks(silent, "awaiting_payment");
    expect(await domainError(resendCallback(silent.id, silentOrder))).toMatchObject({ kind: "invalid_state", code: "no_callback_url" });
  });
});
