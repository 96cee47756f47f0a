// What happens when a worker dies or breaks mid-delivery: nothing is lost, and only the
// receiver may see a webhook-id twice (Standard Webhooks receivers de-duplicate on it).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore } from "@/lib/testing";
import { payinWithCallbacks } from "@/lib/testing/callback-orders";
import { captureLogs } from "@/lib/testing/capture-logs";
import { useCallbackReceiver } from "@/lib/testing/callback-receiver";
import { claimDueCallbacks } from "./claim-due-callbacks";
import { deliverDueCallbacks } from "./deliver-due-callbacks";
import { recordAttempt } from "./record-attempt";

const LEASE_MS = 60_000; // the default 10 s timeout plus the margin
const receiver = useCallbackReceiver();
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("crash safety", () => {
  it("a callback claimed by a worker that died is delivered once its lease expires", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "awaiting_payment");
    const now = new Date();
    // The worker claims the row, then dies before sending.
    const [claimed] = await claimDueCallbacks({ now, limit: 10, leaseMs: LEASE_MS, perStoreCap: 100 });
    expect(claimed.id).toBe(callbacks[0].id);
    expect(await prisma.callbackDelivery.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({ status: "delivering", lockedUntil: later(now, LEASE_MS) });

    expect(await deliverDueCallbacks({ now: later(now, LEASE_MS - 1) })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.received).toEqual([]);
    expect(await deliverDueCallbacks({ now: later(now, LEASE_MS + 1) })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => r.webhookId)).toEqual([callbacks[0].webhookId]);
  });

  it("an attempt that throws after the POST leaves the callback leased; the next sweep delivers it again", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "paid");
    // A real failure after the POST: PostgreSQL refuses to record the attempt.
    await prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_attempt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'database went away'; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_attempt BEFORE INSERT ON callback_attempts FOR EACH ROW EXECUTE FUNCTION refuse_attempt()`);
    const logged = captureLogs();
    const now = new Date();
    let errorsLogged = 0;
    try {
      expect(await deliverDueCallbacks({ now })).toEqual({ delivered: 0, retried: 0, failed: 0 });
    } finally {
      errorsLogged = logged.records().filter((line) => line.level === "error").length;
      logged.restore();
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_attempt ON callback_attempts`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_attempt()`);
    }
    expect(errorsLogged).toBe(1);
    expect(receiver.received.map((r) => r.webhookId)).toEqual([callbacks[0].webhookId]);
    const stuck = await prisma.callbackDelivery.findUniqueOrThrow({ where: { id: callbacks[0].id } });
    expect(stuck).toMatchObject({ status: "delivering", attempts: 0 });
    // Sequence 2 waits: sequence 1 is not known to be delivered.
    expect(await deliverDueCallbacks({ now: later(now, 1000) })).toEqual({ delivered: 0, retried: 0, failed: 0 });

    expect(await deliverDueCallbacks({ now: later(now, LEASE_MS + 1) })).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => r.webhookId)).toEqual([callbacks[0].webhookId, callbacks[0].webhookId, callbacks[1].webhookId]);
    const rows = await prisma.callbackDelivery.findMany({ where: { orderId: callbacks[0].orderId }, orderBy: { sequence: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["succeeded", 1],
      ["succeeded", 1],
    ]);
  });

  it("concurrent claims never hold the same callback", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const expected = [];
    for (let i = 0; i < 12; i++) expected.push((await payinWithCallbacks(store, "awaiting_payment")).callbacks[0].id);
    const now = new Date();
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimDueCallbacks({ now, limit: 5, leaseMs: LEASE_MS, perStoreCap: 100 })));
    const ids = claims.flat().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
  });

  it("a worker whose lease was taken over does not overwrite the new owner's outcome", async () => {
    const store = await createStore(prisma, { callbackUrl: receiver.url });
    const { callbacks } = await payinWithCallbacks(store, "awaiting_payment");
    const now = new Date();
    const [stale] = await claimDueCallbacks({ now, limit: 1, leaseMs: LEASE_MS, perStoreCap: 100 });
    expect(await deliverDueCallbacks({ now: later(now, LEASE_MS + 1) })).toEqual({ delivered: 1, retried: 0, failed: 0 });
    // The first worker wakes up and tries to record a failure with its old lease.
    const written = await recordAttempt(stale, { url: receiver.url, statusCode: 500, latencyMs: 5, error: "HTTP 500", unreachable: false }, { status: "pending", nextAttemptAt: later(now, 10_000) }, now);
    expect(written).toBe(false);
    expect(await prisma.callbackDelivery.findUniqueOrThrow({ where: { id: callbacks[0].id } })).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(await prisma.callbackAttempt.count({ where: { deliveryId: callbacks[0].id } })).toBe(2);
  });
});
