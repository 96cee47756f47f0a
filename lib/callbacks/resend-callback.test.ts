import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore } from "@/lib/testing";
import { expectDomainError } from "@/lib/testing/assertions";
import { payinWithCallbacks } from "@/lib/testing/callback-orders";
import { useCallbackReceiver } from "@/lib/testing/callback-receiver";
import { deliverDueCallbacks } from "./deliver-due-callbacks";
import { resendCallback } from "./resend-callback";

const receiver = useCallbackReceiver();

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
    await expectDomainError(resendCallback(other.id, orderId), "order_not_found");
    expect((await expectDomainError(resendCallback(store.id, orderId, otherCallbacks[0].id), "callback_not_found")).kind).toBe("not_found");

    const silent = await createStore(prisma, { callbackUrl: null });
    const { orderId: silentOrder } = await payinWithCallbacks(silent, "awaiting_payment");
    expect((await expectDomainError(resendCallback(silent.id, silentOrder), "no_callback_url")).kind).toBe("invalid_state");
  });
});
