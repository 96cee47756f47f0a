// The order workflows (matching retries, payment timeouts, callback delivery) run through
// @inngest/test against this file's own PostgreSQL, on orders made by the real engine; the
// merchant's endpoint and the Inngest event API are real local HTTP servers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { Webhook } from "standardwebhooks";
import { prisma } from "@/lib/db/client";
import { createStore, uniqueId } from "@/lib/testing";
import { createPayin } from "@/lib/orders/create-payin";
import { completePayin } from "@/lib/orders/complete-payin";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { emitAfterCommit, runTransaction } from "@/lib/db/run-transaction";
import { merchantActor, traderActor } from "@/lib/testing/actors";
import { NO_REQUISITE_AVAILABLE } from "@/lib/matching/retry-due-matches";
import { inngest } from "@/lib/jobs/inngest-client";
import { deliverCallbacks, paymentTimeout, retryMatching } from "@/inngest/functions/orders";
import { setSetting, setupReference, traderWithRequisite } from "@/lib/testing/fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/callback-receiver";
import { startFakeInngest, type FakeInngest } from "@/lib/testing/fake-inngest";

let currencies: Awaited<ReturnType<typeof setupReference>>["currencies"];
let receiver: Receiver;
let amountSeq = 0;

const payin = (store: { id: number; limits: unknown; allowAmountAdjustment: boolean }) =>
  createPayin(store, { amount: 100_000n + BigInt(++amountSeq) * 100n, currency: "RUB", customerId: uniqueId("cust"), merchantOrderId: uniqueId("mo") }, merchantActor);

const TRIGGERS = new Map<unknown, string>([
  [retryMatching, "order/unmatched"],
  [paymentTimeout, "order/deadline.set"],
  [deliverCallbacks, "order/changed"],
]);

// The test engine pauses a run at a sleep unless the sleep step is mocked: these pass at once
// (the functions then act on the time they slept until, as after a real sleep).
const SLEEPS = ["wait-for-deadline", ...Array.from({ length: 10 }, (_, i) => `wait-${i + 1}`)].map((id) => ({ id, handler: () => undefined }));

// A new engine per run: an engine remembers the step results of its earlier runs.
const run = (
  fn: typeof retryMatching | typeof paymentTimeout | typeof deliverCallbacks,
  data: Record<string, string>,
  steps: { id: string; handler: () => unknown }[] = [],
) => new InngestTestEngine({ function: fn, steps: [...steps, ...SLEEPS.filter((s) => !steps.some((m) => m.id === s.id))] }).execute({ events: [{ name: TRIGGERS.get(fn)!, data }] });

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  await setSetting("callbacks.allowed_private_hosts", ["127.0.0.1"]);
  receiver = await startReceiver();
});

afterAll(() => receiver.close());

beforeEach(async () => {
  // Each test decides which traders take traffic.
  await prisma.trader.updateMany({ data: { isTrafficEnabledByTeamlead: false } });
});

describe("retry-matching (order/unmatched)", () => {
  it("retries until a requisite fits, then the order is matched", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithRequisite(currencies, { trader: { isTrafficEnabledByTeamlead: false } });
    const order = await payin(store);
    expect(order.status).toBe("created");
    const created = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });

    // The first retry still finds nothing (traffic off) and is rescheduled; the teamlead then
    // switches the trader on, and the next round matches.
    let switchedOn = false;
    const { result } = await run(retryMatching, { orderId: order.id, nextMatchAt: created.nextMatchAt!.toISOString() }, [
      {
        id: "wait-2",
        handler: async () => {
          switchedOn = true;
          await prisma.trader.update({ where: { id: trader.id }, data: { isTrafficEnabledByTeamlead: true } });
        },
      },
    ]);

    expect(switchedOn).toBe(true);
    expect(result).toBe("matched");
    const after = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(after).toMatchObject({ status: "awaiting_payment", traderId: trader.id, retryCount: 2, nextMatchAt: null });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("fails the order with a reason once order.match_attempts are used up", async () => {
    await setSetting("order.match_attempts", 3);
    try {
      const store = await createStore(prisma);
      const order = await payin(store);
      const created = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
      const { result, ctx } = await run(retryMatching, { orderId: order.id, nextMatchAt: created.nextMatchAt!.toISOString() });
      expect(result).toBe("failed");
      // Attempt 1 was the create request; rounds 1 and 2 are attempts 2 and 3.
      expect(ctx.step.run).toHaveBeenCalledTimes(2);
      const after = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
      expect(after).toMatchObject({ status: "failed", failureReason: NO_REQUISITE_AVAILABLE, retryCount: 3, nextMatchAt: null });
      expect(await prisma.callbackDelivery.count({ where: { orderId: order.id, eventType: "payin.failed" } })).toBe(1);
    } finally {
      await setSetting("order.match_attempts", 10);
    }
  });
});

describe("payment-timeout (order/deadline.set)", () => {
  it("expires the order at its deadline and releases the hold", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithRequisite(currencies);
    const order = await payin(store);
    expect(order.status).toBe("awaiting_payment");
    const before = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
    expect(before.held).toBeGreaterThan(0n);

    const { result } = await run(paymentTimeout, { orderId: order.id, expiresAt: order.expiresAt!.toISOString() });

    expect(result).toBe("expired");
    expect(await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "expired" });
    const after = await prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId: trader.id } });
    expect(after.held).toBe(0n);
    expect(after.amount).toBe(before.amount + before.held);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("does nothing when the trader confirmed before the deadline", async () => {
    const store = await createStore(prisma);
    await traderWithRequisite(currencies);
    const order = await payin(store);
    await completePayin(order.id, {}, traderActor);

    const { result } = await run(paymentTimeout, { orderId: order.id, expiresAt: order.expiresAt!.toISOString() });

    expect(result).toBe("not-due");
    expect(await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "completed" });
    expect(await checkLedger(prisma)).toEqual([]);
  });
});

describe("deliver-callbacks (order/changed)", () => {
  it("delivers the order's callbacks in order, signed so that standardwebhooks verifies them", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    await traderWithRequisite(currencies);
    const order = await payin(store);
    await completePayin(order.id, {}, traderActor);
    receiver.received.length = 0;

    await run(deliverCallbacks, { orderId: order.id, status: "completed" });

    expect(receiver.received.map((r) => r.eventType)).toEqual(["payin.awaiting_payment", "payin.completed"]);
    const webhook = new Webhook(store.webhookSecret);
    for (const request of receiver.received) expect(() => webhook.verify(request.body, request.headers as Record<string, string>)).not.toThrow();
    expect(await prisma.callbackDelivery.count({ where: { orderId: order.id, status: "succeeded" } })).toBe(2);
  });
});

describe("events after commit", () => {
  let inngestApi: FakeInngest;

  beforeAll(async () => {
    inngestApi = await startFakeInngest();
    vi.stubEnv("INNGEST_BASE_URL", inngestApi.url);
    vi.stubEnv("INNGEST_EVENT_KEY", "test-event-key");
    inngest.setEnvVars();
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    inngest.setEnvVars();
    await inngestApi.close();
  });

  it("announces the callback and the deadline of a matched pay-in, and the retry of an unmatched one", async () => {
    const store = await createStore(prisma);
    await traderWithRequisite(currencies);
    const matched = await payin(store);
    await prisma.trader.updateMany({ data: { isTrafficEnabledByTeamlead: false } });
    const unmatched = await payin(store);
    await vi.waitFor(() => expect(inngestApi.events.length).toBeGreaterThanOrEqual(3));
    expect(inngestApi.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "order/changed", data: { orderId: matched.id, status: "awaiting_payment", storeId: store.id } }),
        expect.objectContaining({ name: "order/deadline.set", data: { orderId: matched.id, expiresAt: matched.expiresAt!.toISOString() } }),
        expect.objectContaining({ name: "order/unmatched", data: { orderId: unmatched.id, nextMatchAt: expect.any(String) } }),
      ]),
    );
  });

  it("announces nothing for a transaction that rolled back", async () => {
    inngestApi.clear();
    const failure = new Error("rolled back on purpose");
    await expect(
      runTransaction(async (tx) => {
        emitAfterCommit(tx, { name: "order/changed", data: { orderId: "pi_x", status: "paid" } });
        throw failure;
      }),
    ).rejects.toBe(failure);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inngestApi.events).toEqual([]);
  });
});

describe("flow control of callback delivery", () => {
  it("runs one delivery per order and a few per store at a time (a store's burst never takes every run)", () => {
    expect(deliverCallbacks.opts.concurrency).toEqual([
      { key: "event.data.orderId", limit: 1 },
      { key: "event.data.storeId", limit: 10 },
    ]);
  });
});
