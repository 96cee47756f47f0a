import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayinOrder, createStore, createUser, ensureCurrencies, uniqueSuffix } from "@/lib/testing";
import { alertFailingCallbacks, CALLBACK_FAILURE_STREAK } from "./alert-failing-callbacks";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let currencies: Awaited<ReturnType<typeof ensureCurrencies>>;

beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
  process.env.NEXTAUTH_URL = "http://jivapay.test";
});

async function storeWithCallbacks(name = `Shop ${uniqueSuffix()}`) {
  const owner = await createUser(prisma, { role: "merchant" });
  const store = await createStore(prisma, { userId: owner.id, name, callbackUrl: "https://shop.example/webhooks" });
  return { owner, store };
}

let sequence = 0;
/** A callback of a new order of `storeId`, with attempts answered by the given statuses (null: no answer). */
async function callbackWithAttempts(storeId: number, attempts: { status: number | null; at: Date }[], deliveryStatus: "pending" | "failed" = "pending") {
  const store = await prisma.merchantStore.findUniqueOrThrow({ where: { id: storeId } });
  const order = await createPayinOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount: 100_000n });
  const last = attempts.at(-1);
  const delivery = await prisma.callbackDelivery.create({
    data: {
      webhookId: `msg_test_${++sequence}_${uniqueSuffix()}`,
      orderId: order.id,
      storeId,
      sequence: 1,
      eventType: "payin.created",
      payload: { type: "payin.created" },
      status: deliveryStatus,
      attempts: attempts.length,
      lastAttemptAt: last?.at ?? null,
      lastStatusCode: last?.status ?? null,
      lastError: last && (last.status === null || last.status >= 300) ? (last.status ? `HTTP ${last.status}` : "timeout: no answer in 10 s") : null,
    },
  });
  await prisma.callbackAttempt.createMany({
    data: attempts.map((a) => ({
      deliveryId: delivery.id,
      url: "https://shop.example/webhooks",
      statusCode: a.status,
      error: a.status === null ? "timeout: no answer in 10 s" : a.status >= 300 ? `HTTP ${a.status}` : null,
      attemptedAt: a.at,
    })),
  });
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * MINUTE);
const failures = (now: Date, count: number, status: number | null = 500) => Array.from({ length: count }, (_, i) => ({ status, at: minutesBefore(now, (count - i) * 5) }));
const alertsTo = (email: string) => prisma.emailOutbox.findMany({ where: { to: email, template: "callbacks_failing" } });

describe("alertFailingCallbacks", () => {
  it(`alerts the owner after ${CALLBACK_FAILURE_STREAK} failures in a row, at most once per 24 h`, async () => {
    const now = new Date();
    const { owner, store } = await storeWithCallbacks("Corner Shop");
    await callbackWithAttempts(store.id, failures(now, 3));
    await callbackWithAttempts(store.id, [{ status: null, at: minutesBefore(now, 2) }, { status: null, at: minutesBefore(now, 1) }]);

    expect(await alertFailingCallbacks({ now })).toContain(store.id);
    const [alert] = await alertsTo(owner.email);
    expect(alert).toMatchObject({ status: "queued", subject: "Callbacks to Corner Shop are failing" });
    expect(alert.text).toContain("Failed attempts since the last success: 5");
    expect(alert.text).toContain("Callback URL: https://shop.example/webhooks");
    expect(alert.text).toContain("timeout: no answer in 10 s");
    expect(alert.text).toContain("http://jivapay.test/merchant");
    expect((await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } })).callbackAlertSentAt).toEqual(now);

    // Still failing an hour later, and again 23 h later: no new alert.
    await callbackWithAttempts(store.id, failures(new Date(now.getTime() + HOUR), 5));
    expect(await alertFailingCallbacks({ now: new Date(now.getTime() + HOUR) })).not.toContain(store.id);
    expect(await alertFailingCallbacks({ now: new Date(now.getTime() + 23 * HOUR) })).not.toContain(store.id);
    expect(await alertsTo(owner.email)).toHaveLength(1);

    // A day later, still failing: one more alert.
    const nextDay = new Date(now.getTime() + 25 * HOUR);
    await callbackWithAttempts(store.id, failures(nextDay, 5));
    expect(await alertFailingCallbacks({ now: nextDay })).toContain(store.id);
    expect(await alertsTo(owner.email)).toHaveLength(2);
  });

  it("stays quiet below the streak, after a success, about failures older than a day and without a callback URL", async () => {
    const now = new Date();
    const few = await storeWithCallbacks();
    await callbackWithAttempts(few.store.id, failures(now, CALLBACK_FAILURE_STREAK - 1));

    const recovered = await storeWithCallbacks();
    await callbackWithAttempts(recovered.store.id, failures(minutesBefore(now, 60), 6));
    await callbackWithAttempts(recovered.store.id, [{ status: 200, at: minutesBefore(now, 30) }]);
    await callbackWithAttempts(recovered.store.id, failures(now, 2));

    const old = await storeWithCallbacks();
    await callbackWithAttempts(old.store.id, failures(minutesBefore(now, 25 * 60), 8));

    // Callbacks failed because the store has no callback URL were never attempted: no outage.
    const noUrl = await storeWithCallbacks();
    await prisma.merchantStore.update({ where: { id: noUrl.store.id }, data: { callbackUrl: null } });
    await callbackWithAttempts(noUrl.store.id, [], "failed");

    const alerted = await alertFailingCallbacks({ now });
    for (const { store, owner } of [few, recovered, old, noUrl]) {
      expect(alerted).not.toContain(store.id);
      expect(await alertsTo(owner.email)).toHaveLength(0);
    }
  });

  it("alerts when a callback was given up", async () => {
    const now = new Date();
    const { owner, store } = await storeWithCallbacks();
    await callbackWithAttempts(store.id, [{ status: 404, at: minutesBefore(now, 10) }], "failed");
    expect(await alertFailingCallbacks({ now })).toContain(store.id);
    const [alert] = await alertsTo(owner.email);
    expect(alert.text).toContain("Callbacks given up: 1");
    expect(alert.text).toContain("HTTP 404");
  });

  it("skips inactive stores and owners", async () => {
    const now = new Date();
    const inactiveStore = await storeWithCallbacks();
    await prisma.merchantStore.update({ where: { id: inactiveStore.store.id }, data: { isActive: false } });
    const inactiveOwner = await storeWithCallbacks();
    await prisma.user.update({ where: { id: inactiveOwner.owner.id }, data: { isActive: false } });
    for (const { store } of [inactiveStore, inactiveOwner]) await callbackWithAttempts(store.id, failures(now, 6));
    const alerted = await alertFailingCallbacks({ now });
    expect(alerted).not.toContain(inactiveStore.store.id);
    expect(alerted).not.toContain(inactiveOwner.store.id);
  });

  it("sends one alert when two sweeps run at once", async () => {
    const now = new Date();
    const { owner, store } = await storeWithCallbacks();
    await callbackWithAttempts(store.id, failures(now, 7));
    const [a, b] = await Promise.all([alertFailingCallbacks({ now }), alertFailingCallbacks({ now })]);
    expect([...a, ...b].filter((id) => id === store.id)).toHaveLength(1);
    expect(await alertsTo(owner.email)).toHaveLength(1);
  });
});
