// Fair delivery against real endpoints on 127.0.0.1: one store's endpoint accepts requests and
// never answers (a crashed merchant server), another's answers at once. The delivery pool runs
// in the in-process sweep loop, as in production.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore } from "@/lib/testing";
import { setSetting } from "@/lib/testing/fixtures";
import { payinWithCallbacks } from "@/lib/testing/callback-orders";
import { sleep, startReceiver, useCallbackReceiver, type Receiver } from "@/lib/testing/callback-receiver";
import { copyDueCallbacks } from "@/lib/testing/due-callbacks";
import { startSweepLoop, type SweepLoop } from "@/lib/jobs/sweep-loop";
import { getCallbackEndpointHealth } from "./callback-breaker-states";
import { deliverDueCallbacks } from "./deliver-due-callbacks";
import { resendCallback } from "./resend-callback";
import { alertFailingCallbacks } from "@/lib/email/alert-failing-callbacks";

const healthy = useCallbackReceiver();
let hanging: Receiver;
let hang = true;
const RESPONSE_TIMEOUT_MS = 1500;
const CAP = 4;
const THRESHOLD = 5;

beforeAll(async () => {
  // Accepts every request; while `hang`, never answers it (the pool's timeout gives up on it).
  hanging = await startReceiver(() => (hang ? new Promise<number>(() => {}) : 200));
  await setSetting("callbacks.max_in_flight_per_store", CAP);
  await setSetting("callbacks.breaker_failure_threshold", THRESHOLD);
  await setSetting("callbacks.breaker_probe_seconds", 1);
  await setSetting("callbacks.breaker_probe_max_seconds", 2);
});
afterAll(() => hanging.close());

let loop: SweepLoop | null = null;
afterEach(async () => {
  await loop?.stop();
  loop = null;
});

/** The production sweep loop, its pool with a short response timeout so the test runs in seconds. */
function startDelivering() {
  loop = startSweepLoop([{ name: "deliver-due-callbacks", intervalMs: 250, run: () => deliverDueCallbacks({ timeoutMs: RESPONSE_TIMEOUT_MS }) }]);
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await sleep(50);
  }
}

const attemptsOf = async (storeId: number) =>
  (await prisma.callbackDelivery.aggregate({ where: { storeId }, _sum: { attempts: true } }))._sum.attempts ?? 0;

describe("fair callback delivery", () => {
  it("a hanging store with 200 due callbacks leaves another store's callbacks on time, spends no attempts while paused, and recovers", async () => {
    hang = true;
    const stuck = await createStore(prisma, { callbackUrl: hanging.url });
    const fine = await createStore(prisma, { callbackUrl: healthy.url });
    const first = await payinWithCallbacks(stuck, "awaiting_payment");
    const copies = await copyDueCallbacks(first.orderId, 199, { prefix: "pi_hang", dueAt: new Date(Date.now() - 60_000) });
    // In due order: the copies are due a minute ago, the engine's own order now.
    const stuckIds = [...copies, first.orderId];
    expect(await prisma.callbackDelivery.count({ where: { storeId: stuck.id, status: "pending" } })).toBe(200);

    // The stuck store's deliveries in flight, sampled throughout: never above its cap.
    let maxInFlight = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const n = await prisma.callbackDelivery.count({ where: { storeId: stuck.id, status: "delivering", lockedUntil: { gte: new Date() } } });
        maxInFlight = Math.max(maxInFlight, n);
        await sleep(25);
      }
    })();

    startDelivering();
    // The healthy store's pay-ins keep coming while the stuck store's requests hang and its breaker opens.
    const healthyOrders: { id: string; dueAt: Date }[] = [];
    for (let i = 0; i < 12; i++) {
      const { orderId, callbacks } = await payinWithCallbacks(fine, "awaiting_payment");
      healthyOrders.push({ id: orderId, dueAt: callbacks[0].nextAttemptAt });
      await sleep(300);
    }
    const delivered = await waitFor(
      () => prisma.callbackDelivery.findMany({ where: { storeId: fine.id }, select: { orderId: true, nextAttemptAt: true, deliveredAt: true, status: true } }),
      (rows) => rows.every((row) => row.status === "succeeded"),
      5000,
    );
    const latencies = healthyOrders.map(({ id, dueAt }) => {
      const row = delivered.find((r) => r.orderId === id)!;
      expect(row.status).toBe("succeeded");
      return row.deliveredAt!.getTime() - dueAt.getTime();
    });
    expect(Math.max(...latencies)).toBeLessThan(2000);
    expect(healthy.received.filter((r) => r.orderId.startsWith("pi_")).length).toBe(12);

    // The breaker opened after THRESHOLD unreachable deliveries in a row; the merchant cabinet's view says paused.
    const opened = await waitFor(() => prisma.callbackEndpoint.findUnique({ where: { storeId: stuck.id } }), (row) => row?.state === "open", 10_000);
    expect(opened).toMatchObject({ state: "open" });
    expect((await getCallbackEndpointHealth([stuck.id])).get(stuck.id)).toMatchObject({ state: "paused", failingSince: expect.any(Date), nextProbeAt: expect.any(Date) });
    // Paused: probes go out one at a time and fail, and spend nothing. What was sent before it
    // opened counted: the threshold, plus what was in flight beside the one that opened it.
    const firstProbe = await waitFor(() => prisma.callbackEndpoint.findUniqueOrThrow({ where: { storeId: stuck.id } }), (row) => row.failedProbes >= 1, 10_000);
    const spent = await attemptsOf(stuck.id);
    expect(spent).toBeGreaterThanOrEqual(THRESHOLD);
    expect(spent).toBeLessThanOrEqual(THRESHOLD + CAP - 1);
    await waitFor(() => prisma.callbackEndpoint.findUniqueOrThrow({ where: { storeId: stuck.id } }), (row) => row.failedProbes >= firstProbe.failedProbes + 2, 10_000);
    expect(await attemptsOf(stuck.id)).toBe(spent);
    // The probes are in the attempt log, though: the merchant sees them, and gets the failing-callbacks email.
    expect(await prisma.callbackAttempt.count({ where: { delivery: { storeId: stuck.id } } })).toBeGreaterThanOrEqual(spent + 3);
    expect(await alertFailingCallbacks()).toContain(stuck.id);
    const untouched = await prisma.callbackDelivery.count({ where: { storeId: stuck.id, status: "pending", attempts: 0 } });
    expect(untouched).toBeGreaterThanOrEqual(200 - THRESHOLD - CAP);
    expect(maxInFlight).toBeLessThanOrEqual(CAP);

    // The endpoint comes back: the next probe succeeds, the breaker closes and the backlog drains, oldest first.
    const neverTried = new Set((await prisma.callbackDelivery.findMany({ where: { storeId: stuck.id, attempts: 0 }, select: { orderId: true } })).map((r) => r.orderId));
    hang = false;
    hanging.received.length = 0;
    await waitFor(
      () => prisma.callbackDelivery.count({ where: { storeId: stuck.id, status: "succeeded", orderId: { in: [...neverTried] } } }),
      (n) => n === neverTried.size,
      20_000,
    );
    expect(await prisma.callbackEndpoint.findUnique({ where: { storeId: stuck.id } })).toBeNull();
    // Never-attempted callbacks arrive in their due order (copies are due in id order), up to the
    // store's concurrency; those that timed out before the pause are retried on their own schedule.
    const arrivals = hanging.received.filter((r) => neverTried.has(r.orderId)).map((r) => stuckIds.indexOf(r.orderId));
    expect(new Set(arrivals).size).toBe(neverTried.size);
    const outOfOrder = arrivals.filter((value, i) => arrivals.slice(i + 1).some((later) => later < value - CAP));
    expect(outOfOrder).toEqual([]);
    sampling = false;
    await sampler;
    expect(maxInFlight).toBeLessThanOrEqual(CAP);
  }, 60_000);

  it("shares the slots by load: a store's backlog of older callbacks does not claim ahead of another store's first", async () => {
    await setSetting("callbacks.max_in_flight_per_store", 100);
    const big = await createStore(prisma, { callbackUrl: healthy.url });
    const small = await createStore(prisma, { callbackUrl: healthy.url });
    const first = await payinWithCallbacks(big, "awaiting_payment");
    await copyDueCallbacks(first.orderId, 50, { prefix: "pi_rr", dueAt: new Date(Date.now() - 60_000) });
    const late = await payinWithCallbacks(small, "awaiting_payment");
    // Three slots: the first claim already includes the small store's callback, though 50 of the big store's are older.
    await deliverDueCallbacks({ slots: 3, limit: 3 });
    expect(healthy.received.map((r) => r.orderId)).toContain(late.orderId);
    await setSetting("callbacks.max_in_flight_per_store", CAP);
  });

  it("a merchant's resend goes out while the breaker is open, as its probe, and closes it when it succeeds", async () => {
    const store = await createStore(prisma, { callbackUrl: healthy.url });
    const { orderId, callbacks } = await payinWithCallbacks(store, "awaiting_payment");
    const probeAt = new Date(Date.now() + 3600_000);
    await prisma.callbackEndpoint.create({ data: { storeId: store.id, state: "open", consecutiveFailures: 9, failingSince: new Date(), openedAt: new Date(), nextProbeAt: probeAt } });
    // Paused: the pool leaves it alone.
    await deliverDueCallbacks();
    expect(healthy.received).toHaveLength(0);

    const resent = await resendCallback(store.id, orderId, callbacks[0].id);
    expect(resent).toMatchObject({ status: "succeeded" });
    expect(healthy.received.map((r) => r.orderId)).toEqual([orderId]);
    expect(await prisma.callbackEndpoint.findUnique({ where: { storeId: store.id } })).toBeNull();
  });
});
