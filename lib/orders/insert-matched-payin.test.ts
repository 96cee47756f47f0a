// The pay-in fast path (createOrder with the store's commission known: matched first, written
// matched in one statement) writes the same rows as the general path (written in `created`,
// then matched by transitionOrder): the order, its history, audit rows, callback, the hold on
// the trader's deposit and the requisite's last use; and answers the same API object.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayin } from "@/lib/orders/create-payin";
import { getStoreOrder } from "@/lib/orders/get-order";
import { serializeOrder } from "@/lib/orders/serialize-order";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { createStore } from "@/lib/testing";
import { merchantActor } from "@/lib/testing/actors";
import { orderInput, setupReference, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
});

/** A pay-in on a fresh trader's only requisite, by either path; its rows with ids and times left out. */
async function writtenBy(fast: boolean, amount: bigint) {
  const { trader, requisite } = await traderWithRequisite(currencies);
  await prisma.reqTrader.updateMany({ where: { traderId: { not: trader.id } }, data: { status: "inactive" } });
  const store = await createStore(prisma);
  const forOrders = { id: store.id, limits: store.limits, allowAmountAdjustment: store.allowAmountAdjustment, ...(fast ? { payinCommission: store.payinCommission } : {}) };
  const order = await createPayin(forOrders, { ...orderInput(amount), metadata: { z: 1, ab: { c: [1, "x"] }, a: null } }, merchantActor);
  await prisma.reqTrader.updateMany({ data: { status: "active" } });

  const id = order.id;
  const strip = <T extends object>(row: T, ...keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
  const history = (await prisma.orderHistory.findMany({ where: { incomingOrderId: id }, orderBy: { id: "asc" } })).map((h) => strip(h, "id", "incomingOrderId", "createdAt", "processedAt", "traderId", "requisiteId"));
  const audit = (await prisma.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => strip(a, "id", "entityId", "createdAt", "newValues"));
  const callbacks = (await prisma.callbackDelivery.findMany({ where: { orderId: id } })).map((c) => {
    const payload = c.payload as { type: string; data: Record<string, unknown> };
    return { eventType: c.eventType, sequence: c.sequence, status: c.status, type: payload.type, data: { ...strip(payload.data, "id", "merchant_order_id", "customer_id", "created_at", "updated_at", "expires_at", "payment_url"), requisite: strip(payload.data.requisite as object, "number") } };
  });
  const holds = (await prisma.balanceTraderCryptoHistory.findMany({ where: { orderId: id } })).map((h) => ({ delta: h.delta, heldDelta: h.heldDelta, reason: h.reason, traderIsOurs: h.traderId === trader.id }));
  const requisiteUsed = (await prisma.reqTrader.findUniqueOrThrow({ where: { id: requisite.id } })).lastUsedAt;
  const stored = await getStoreOrder(store.id, id);
  return { order, stored, trader, requisite, history, audit, callbacks, holds, requisiteUsed };
}

describe("the pay-in fast path", () => {
  it("writes what creating and then matching writes, and answers the same API object", async () => {
    const slow = await writtenBy(false, 410_000n);
    const fast = await writtenBy(true, 410_000n);

    expect(fast.order.status).toBe("awaiting_payment");
    expect(fast.order.traderId).toBe(fast.trader.id);
    // Both paths give the pay-in its own payment page token (256 bits, base64url) and store it.
    for (const path of [slow, fast]) {
      expect(path.order.paymentToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(path.stored.paymentToken).toBe(path.order.paymentToken);
    }
    expect(fast.order.paymentToken).not.toBe(slow.order.paymentToken);
    expect(fast.history).toEqual(slow.history);
    expect(fast.audit).toEqual(slow.audit);
    expect(fast.callbacks).toEqual(slow.callbacks);
    expect(fast.holds).toEqual(slow.holds);
    expect(fast.holds).toEqual([{ delta: -fast.order.cryptoAmount!, heldDelta: fast.order.cryptoAmount!, reason: "payin_hold", traderIsOurs: true }]);
    expect(fast.requisiteUsed).toEqual(fast.order.matchedAt);

    // The answer is the order as stored (types and all), as the general path's is.
    const api = (o: Parameters<typeof serializeOrder>[0]) => serializeOrder(o);
    expect(api(fast.order)).toEqual(api({ ...fast.stored, requisite: fast.order.requisite }));
    const comparable = (o: Parameters<typeof serializeOrder>[0]) => {
      const { id: _id, merchant_order_id: _mo, customer_id: _c, created_at: _ca, updated_at: _ua, expires_at: _ea, payment_url: url, requisite, ...rest } = api(o);
      // Each pay-in has a token of its own: compared by shape.
      return { ...rest, requisite: { ...requisite, number: undefined }, payment_url: url?.replace(/\/pay\/[A-Za-z0-9_-]{43}$/, "/pay/{token}") };
    };
    expect(comparable(fast.order)).toEqual(comparable(slow.order));
    expect(await checkLedger(prisma)).toEqual([]);
  });
});
