import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SAMPLE_FILES } from "@/lib/testing/sample-files";
import { prisma } from "@/lib/db/client";
import { createPayin } from "./create-payin";
import { createPayout } from "./create-payout";
import { completePayin } from "./complete-payin";
import { markPayinPaid } from "./mark-payin-paid";
import { markPayoutPaid } from "./mark-payout-paid";
import { expireDueOrders, expireOrder } from "./expire-due-orders";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { DomainError } from "@/lib/errors/domain-error";
import { expectDomainError } from "@/lib/testing/assertions";
import { createStore } from "@/lib/testing";
import { orderInput, setupReference, storeWithBalance, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { merchantActor as merchant, traderActor } from "@/lib/testing/actors";
import { acceptPayout } from "./accept-payout";

const HOUR = 3600_000;
let currencies: Currencies;

/** An online trader (payouts are offered to online traders only) with `deposit` micro-USDT and one RUB requisite. */
const traderWithDeposit = (deposit: bigint) => traderWithRequisite(currencies, { deposit, trader: { lastSeenAt: new Date() } });

function payoutInput(amount: bigint) {
  return { ...orderInput(amount), destination: { type: "card", number: "2200000000000004" } };
}

/** A payout created by the merchant and accepted by the trader it was offered to. */
async function assignedPayout(store: Awaited<ReturnType<typeof storeWithBalance>>, traderId: number, amount: bigint) {
  const created = await createPayout(store, payoutInput(amount), merchant);
  expect(created).toMatchObject({ status: "created", offeredTraderId: traderId });
  return acceptPayout(created.id, traderId, traderActor);
}

const order = (id: string) => prisma.incomingOrder.findUniqueOrThrow({ where: { id } });
const cryptoBalance = (traderId: number) => prisma.balanceTraderCrypto.findFirstOrThrow({ where: { traderId } });
const storeBalance = (storeId: number) => prisma.balanceStore.findFirstOrThrow({ where: { storeId } });

/** Runs every deadline already due at `now` (earlier tests' leftovers) out of the way. */
async function drain(now: Date) {
  await expireDueOrders({ now, limit: 10_000 });
}

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
});

beforeEach(async () => {
  // Each test matches only to the requisites it creates.
  await prisma.reqTrader.updateMany({ data: { status: "blocked" } });
});

describe("expireOrder", () => {
  it("expires an unpaid pay-in only once its deadline passed, releasing the hold", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithDeposit(500_000_000n);
    const payin = await createPayin(store, orderInput(100_000n), merchant);
    expect(payin.status).toBe("awaiting_payment");

    expect(await expireOrder(payin.id, new Date(payin.expiresAt!.getTime() - 1))).toBeNull();
    expect((await order(payin.id)).status).toBe("awaiting_payment");

    expect(await expireOrder(payin.id, payin.expiresAt!)).toBe("expired");
    const expired = await order(payin.id);
    expect(expired.status).toBe("expired");
    expect(expired.failureReason).toBe("expired");
    const balance = await cryptoBalance(trader.id);
    expect(balance).toMatchObject({ amount: 500_000_000n, held: 0n });
    const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: payin.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.status, h.actorType])).toEqual([["awaiting_payment", "system"], ["expired", "system"]]);
    const callbacks = await prisma.callbackDelivery.findMany({ where: { orderId: payin.id }, orderBy: { sequence: "asc" } });
    expect(callbacks.map((c) => c.eventType)).toEqual(["payin.awaiting_payment", "payin.expired"]);

    // Nothing is left to do, however late it gets.
    expect(await expireOrder(payin.id, new Date(Date.now() + 24 * HOUR))).toBeNull();
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("expires an assigned payout, releasing the store's hold", async () => {
    const store = await storeWithBalance(currencies, 100_000_000n);
    const { trader } = await traderWithDeposit(1_000_000n);
    const payout = await assignedPayout(store, trader.id, 50_000n);
    expect(payout.status).toBe("assigned");
    expect((await storeBalance(store.id)).held).toBeGreaterThan(0n);

    expect(await expireOrder(payout.id, payout.expiresAt!)).toBe("expired");
    expect((await order(payout.id)).status).toBe("expired");
    expect(await storeBalance(store.id)).toMatchObject({ amount: 100_000_000n, held: 0n });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("escalates a paid pay-in past its deadline to a dispute opened by the system, holds in place", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithDeposit(500_000_000n);
    const payin = await createPayin(store, orderInput(100_000n), merchant);
    await markPayinPaid(payin.id, store.id, merchant);
    const heldBefore = await cryptoBalance(trader.id);

    expect(await expireOrder(payin.id, payin.expiresAt!)).toBe("disputed");
    const disputed = await order(payin.id);
    expect(disputed.status).toBe("disputed");
    expect(disputed.expiresAt).toBeNull();
    const disputes = await prisma.dispute.findMany({ where: { orderId: payin.id } });
    expect(disputes).toEqual([expect.objectContaining({ status: "open", openedVia: "system", openedById: null })]);
    expect(await cryptoBalance(trader.id)).toMatchObject({ amount: heldBefore.amount, held: heldBefore.held });
    expect(await expireOrder(payin.id, new Date(Date.now() + 24 * HOUR))).toBeNull();

    // The trader can no longer confirm it alone: support decides.
    await expectDomainError(completePayin(payin.id, { traderId: trader.id }, traderActor), "invalid_state");
    expect(await order(payin.id)).toMatchObject({ status: "disputed" });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("completes a paid payout nobody disputed within the merchant's confirmation window", async () => {
    const store = await storeWithBalance(currencies, 100_000_000n);
    const { trader } = await traderWithDeposit(1_000_000n);
    const payout = await assignedPayout(store, trader.id, 60_000n);
    const receipt = { fileName: "receipt.png", contentType: "image/png", data: SAMPLE_FILES.png };
    const paid = await markPayoutPaid(payout.id, trader.id, traderActor, receipt);
    expect(paid.status).toBe("paid");
    expect(await expireOrder(payout.id, new Date(paid.expiresAt!.getTime() - 1))).toBeNull();

    expect(await expireOrder(payout.id, paid.expiresAt!)).toBe("completed");
    expect(await order(payout.id)).toMatchObject({ status: "completed" });
    expect(await storeBalance(store.id)).toMatchObject({ held: 0n });
    const history = await prisma.orderHistory.findFirstOrThrow({ where: { incomingOrderId: payout.id, status: "completed" } });
    expect(history.actorType).toBe("system");
    expect(await checkLedger(prisma)).toEqual([]);
  });
});

describe("timeout against the trader's confirmation", () => {
  it("leaves an order the trader confirmed before the deadline completed", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithDeposit(500_000_000n);
    const payin = await createPayin(store, orderInput(100_000n), merchant);
    await completePayin(payin.id, { traderId: trader.id }, traderActor);

    const late = new Date(payin.expiresAt!.getTime() + HOUR);
    await expireDueOrders({ now: late });
    expect(await expireOrder(payin.id, late)).toBeNull();
    const done = await order(payin.id);
    expect(done.status).toBe("completed");
    expect(await prisma.orderHistory.count({ where: { incomingOrderId: payin.id, status: { in: ["expired", "disputed"] } } })).toBe(0);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("refuses a confirmation that arrives after the sweep expired the order", async () => {
    const store = await createStore(prisma);
    const { trader } = await traderWithDeposit(500_000_000n);
    const payin = await createPayin(store, orderInput(100_000n), merchant);

    const swept = await expireDueOrders({ now: new Date(payin.expiresAt!.getTime() + 1) });
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    await expectDomainError(completePayin(payin.id, { traderId: trader.id }, traderActor), "invalid_state");
    expect((await order(payin.id)).status).toBe("expired");
    expect(await cryptoBalance(trader.id)).toMatchObject({ amount: 500_000_000n, held: 0n });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("lets exactly one of a racing confirmation and timeout win, every time", async () => {
    const store = await createStore(prisma);
    const deposit = 900_000_000n;
    const { trader } = await traderWithDeposit(deposit);
    const outcomes = { completed: 0, expired: 0 };
    for (let i = 0; i < 24; i++) {
      const payin = await createPayin(store, orderInput(20_000n + BigInt(i)), merchant);
      const now = payin.expiresAt!;
      // Half the rounds race the event-driven path (waits for the lock), half the sweep (skips it).
      const timeout = i % 2 === 0 ? expireOrder(payin.id, now) : expireDueOrders({ now }).then((r) => (r.expired ? "expired" : null));
      const [confirm, expiry] = await Promise.allSettled([completePayin(payin.id, { traderId: trader.id }, traderActor), timeout]);
      const final = (await order(payin.id)).status;
      if (final === "completed") {
        expect(confirm.status).toBe("fulfilled");
        expect(expiry).toEqual({ status: "fulfilled", value: null });
      } else {
        expect(final).toBe("expired");
        expect(expiry).toEqual({ status: "fulfilled", value: "expired" });
        expect(confirm.status).toBe("rejected");
        expect(((confirm as PromiseRejectedResult).reason as DomainError).code).toBe("invalid_state");
      }
      outcomes[final as keyof typeof outcomes]++;
      expect(await prisma.orderHistory.count({ where: { incomingOrderId: payin.id, status: { in: ["completed", "expired"] } } })).toBe(1);
    }
    expect(outcomes.completed + outcomes.expired).toBe(24);
    expect((await cryptoBalance(trader.id)).held).toBe(0n);
    expect(await checkLedger(prisma)).toEqual([]);
  });
});

describe("expireDueOrders", () => {
  it("handles each due order exactly once when sweeps run in parallel", async () => {
    const now = new Date(Date.now() + 2 * HOUR);
    await drain(now);
    const store = await storeWithBalance(currencies, 500_000_000n);
    const { trader } = await traderWithDeposit(900_000_000n);
    const payins = [];
    for (let i = 0; i < 12; i++) payins.push(await createPayin(store, orderInput(30_000n + BigInt(i)), merchant));
    const payouts = [];
    for (let i = 0; i < 4; i++) payouts.push(await assignedPayout(store, trader.id, 40_000n + BigInt(i)));
    await markPayinPaid(payins[0].id, store.id, merchant);

    const results = await Promise.all([0, 1, 2].map(() => expireDueOrders({ now })));
    expect(results.reduce((n, r) => n + r.expired, 0)).toBe(15);
    expect(results.reduce((n, r) => n + r.disputed, 0)).toBe(1);
    for (const { id } of [...payins, ...payouts]) {
      expect(await prisma.orderHistory.count({ where: { incomingOrderId: id, status: { in: ["expired", "disputed"] } } })).toBe(1);
    }
    expect(await prisma.dispute.count({ where: { orderId: payins[0].id } })).toBe(1);
    expect(await expireDueOrders({ now })).toEqual({ expired: 0, disputed: 0, completed: 0 });
    expect(await cryptoBalance(trader.id)).toMatchObject({ held: (await order(payins[0].id)).cryptoAmount });
    expect(await storeBalance(store.id)).toMatchObject({ amount: 500_000_000n, held: 0n });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("handles at most `limit` orders per call and leaves orders not yet due alone", async () => {
    const store = await createStore(prisma);
    await traderWithDeposit(900_000_000n);
    const payins = [];
    for (let i = 0; i < 3; i++) payins.push(await createPayin(store, orderInput(50_000n + BigInt(i)), merchant));
    const now = payins[2].expiresAt!;
    await drain(new Date(payins[0].expiresAt!.getTime() - 1));

    expect(await expireDueOrders({ now, limit: 2 })).toEqual({ expired: 2, disputed: 0, completed: 0 });
    expect(await expireDueOrders({ now, limit: 2 })).toEqual({ expired: 1, disputed: 0, completed: 0 });
    const statuses = await prisma.incomingOrder.findMany({ where: { id: { in: payins.map((p) => p.id) } }, select: { status: true } });
    expect(statuses.every((s) => s.status === "expired")).toBe(true);

    const fresh = await createPayin(store, orderInput(50_100n), merchant);
    expect(await expireDueOrders({ now: new Date(fresh.expiresAt!.getTime() - 1) })).toEqual({ expired: 0, disputed: 0, completed: 0 });
    expect((await order(fresh.id)).status).toBe("awaiting_payment");
  });
});
