// The attacks of issue 10 through the gateway's route handlers (real Request objects, the whole
// stack against this file's PostgreSQL): one party trying to take money back from another is
// refused and changes nothing; payouts are offered, accepted, declined, released and confirmed.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { resolveDispute } from "@/lib/disputes/resolve-dispute";
import { expireOrder } from "@/lib/orders/expire-due-orders";
import { createAdmin, createSupport } from "@/lib/testing";
import { adminActor, traderActor } from "@/lib/testing/actors";
import { updateStore } from "@/lib/stores/update-store";
import { updateTrader } from "@/lib/traders/update-trader";
import { createPayout } from "@/lib/orders/create-payout";
import { retryDueMatches } from "@/lib/matching/retry-due-matches";
import { acceptPayout } from "@/lib/orders/accept-payout";
import type { Actor } from "@/lib/audit/record-audit";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as confirmPayinRoute } from "@/app/api/v1/payin/[id]/confirm/route";
import { POST as cancelPayinRoute } from "@/app/api/v1/payin/[id]/cancel/route";
import { POST as disputePayinRoute } from "@/app/api/v1/payin/[id]/dispute/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { POST as cancelPayoutRoute } from "@/app/api/v1/payout/[id]/cancel/route";
import { POST as confirmPayoutRoute } from "@/app/api/v1/payout/[id]/confirm/route";
import { POST as disputePayoutRoute } from "@/app/api/v1/payout/[id]/dispute/route";
import { GET as traderOrdersRoute } from "@/app/api/v1/trader/orders/route";
import { POST as traderConfirmRoute } from "@/app/api/v1/trader/orders/[id]/confirm/route";
import { POST as traderPaidRoute } from "@/app/api/v1/trader/orders/[id]/paid/route";
import { POST as acceptRoute } from "@/app/api/v1/trader/orders/[id]/accept/route";
import { POST as declineRoute } from "@/app/api/v1/trader/orders/[id]/decline/route";
import { POST as releaseRoute } from "@/app/api/v1/trader/orders/[id]/release/route";
import { POST as traderDisputeRoute } from "@/app/api/v1/trader/orders/[id]/dispute/route";
import { TINY_PNG_BASE64, call, expectErrorShape, payinBody, payoutBody } from "@/lib/testing/api";
import { creditStoreUsdt, setupReference, storeUsdt, storeWithApiKey, traderUsdt, traderWithApiToken, type Currencies } from "@/lib/testing/fixtures";

const RECEIPT = { receipt: { file_name: "sbp.png", content_type: "image/png", data_base64: TINY_PNG_BASE64 } };

let currencies: Currencies;
let M: Awaited<ReturnType<typeof storeWithApiKey>>;
let T1: Awaited<ReturnType<typeof traderWithApiToken>>;
let T2: Awaited<ReturnType<typeof traderWithApiToken>>;
let supportUserId: number;
let admin: Actor;
let amountSeq = 0;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  M = await storeWithApiKey({ payinCommission: "0.03", payoutCommission: "0.02" });
  await creditStoreUsdt(currencies, M.store.id, 10_000_000_000n);
  T1 = await traderWithApiToken(currencies, { trader: { lastSeenAt: new Date(), trafficPriority: 10 } });
  T2 = await traderWithApiToken(currencies, { trader: { lastSeenAt: new Date(), trafficPriority: 0 } });
  supportUserId = (await createSupport(prisma)).user.id;
  admin = adminActor((await createAdmin(prisma)).user.id);
});

const amount = () => 100_000 + ++amountSeq * 100;
const post = (handler: Parameters<typeof call>[0], path: string, key: string, id: string, body?: unknown) =>
  call(handler, "POST", path.replace("{id}", id), { key, params: { id }, body });
const orderRow = (id: string) => prisma.incomingOrder.findUniqueOrThrow({ where: { id } });

/** A payout offered to T1 (the higher priority), accepted and paid over the trader API. */
async function paidPayout() {
  const created = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: M.key, body: payoutBody({ amount: amount() }) });
  expect(created.status, created.text).toBe(201);
  expect(created.json.status).toBe("created");
  const id = created.json.id as string;
  expect((await orderRow(id)).offeredTraderId).toBe(T1.trader.id);
  expect((await post(acceptRoute, "/api/v1/trader/orders/{id}/accept", T1.token, id)).json.status).toBe("assigned");
  const paid = await post(traderPaidRoute, "/api/v1/trader/orders/{id}/paid", T1.token, id, RECEIPT);
  expect(paid.json.status, paid.text).toBe("paid");
  return id;
}

async function awaitingPayin() {
  const created = await call(createPayinRoute, "POST", "/api/v1/payin", { key: M.key, body: payinBody({ amount: amount() }) });
  expect(created.json.status, created.text).toBe("awaiting_payment");
  return created.json.id as string;
}

describe("no party takes money back alone", () => {
  it("a merchant cannot cancel a payout the trader has paid (409), and the hold stays", async () => {
    const id = await paidPayout();
    const before = await storeUsdt(currencies, M.store.id);
    expectErrorShape(await post(cancelPayoutRoute, "/api/v1/payout/{id}/cancel", M.key, id, {}), 409, "invalid_state");
    expect(await orderRow(id)).toMatchObject({ status: "paid" });
    expect(await storeUsdt(currencies, M.store.id)).toEqual(before);
  });

  it("a merchant who disputes a paid payout cannot then cancel it: only support decides", async () => {
    const id = await paidPayout();
    const disputed = await post(disputePayoutRoute, "/api/v1/payout/{id}/dispute", M.key, id, { reason: "The recipient got nothing" });
    expect(disputed.json.status, disputed.text).toBe("disputed");
    expectErrorShape(await post(cancelPayoutRoute, "/api/v1/payout/{id}/cancel", M.key, id, {}), 409, "invalid_state");
    expectErrorShape(await post(confirmPayoutRoute, "/api/v1/payout/{id}/confirm", M.key, id), 409, "invalid_state");
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { orderId: id, status: "open" } });
    const { order } = await resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "Receipt matches the bank", actor: { type: "user", userId: supportUserId } });
    expect(order.status).toBe("completed");
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("a trader cannot confirm a disputed pay-in; support's resolution closes the dispute", async () => {
    const id = await awaitingPayin();
    await post(confirmPayinRoute, "/api/v1/payin/{id}/confirm", M.key, id, {});
    expect((await post(disputePayinRoute, "/api/v1/payin/{id}/dispute", M.key, id, { reason: "Paid at 12:03" })).json.status).toBe("disputed");
    const traderId = (await orderRow(id)).traderId === T1.trader.id ? T1 : T2;
    expectErrorShape(await post(traderConfirmRoute, "/api/v1/trader/orders/{id}/confirm", traderId.token, id), 409, "invalid_state");
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { orderId: id } });
    expect(dispute.status).toBe("open");
    await resolveDispute({ disputeId: dispute.id, outcome: "cancelled", note: "No transfer on the statement", actor: { type: "user", userId: supportUserId } });
    expect(await prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "resolved_cancelled" });
    expect(await orderRow(id)).toMatchObject({ status: "cancelled" });
    // Support's decision stands: the merchant cannot reopen it as a "late payment".
    expectErrorShape(await post(disputePayinRoute, "/api/v1/payin/{id}/dispute", M.key, id, { reason: "Paid after all" }), 409, "dispute_resolved");
  });

  it("a merchant cannot cancel a pay-in the customer reported paid; the trader can dispute it", async () => {
    const id = await awaitingPayin();
    await post(confirmPayinRoute, "/api/v1/payin/{id}/confirm", M.key, id, {});
    expectErrorShape(await post(cancelPayinRoute, "/api/v1/payin/{id}/cancel", M.key, id, {}), 409, "invalid_state");
    const holder = (await orderRow(id)).traderId === T1.trader.id ? T1 : T2;
    const disputed = await post(traderDisputeRoute, "/api/v1/trader/orders/{id}/dispute", holder.token, id, { reason: "Nothing arrived on my card" });
    expect(disputed.json, disputed.text).toMatchObject({ status: "disputed", dispute: { opened_via: "trader" } });
  });

  it("a paid payout waits for the merchant: confirm completes it once, with the commissions fixed at creation and acceptance", async () => {
    const id = await paidPayout();
    // An admin's edits after the order was made affect new orders only.
    await updateStore({ storeId: M.store.id, payoutCommission: "0.05" }, admin);
    await updateTrader({ traderId: T1.trader.id, payoutReward: "0.001" }, admin);
    try {
      expect(await orderRow(id)).toMatchObject({ status: "paid" });
      const traderBefore = await traderUsdt(currencies, T1.trader.id);
      const confirmed = await post(confirmPayoutRoute, "/api/v1/payout/{id}/confirm", M.key, id);
      expect(confirmed.json.status, confirmed.text).toBe("completed");
      expectErrorShape(await post(confirmPayoutRoute, "/api/v1/payout/{id}/confirm", M.key, id), 409, "invalid_state");
      const row = await orderRow(id);
      const u = row.cryptoAmount!;
      expect(row.storeCommission.toString()).toBe("0.02");
      expect(row.traderReward!.toString()).toBe("0.015");
      // Repaid u·(1 + 0.015) (floor), not at today's 0.001.
      expect((await traderUsdt(currencies, T1.trader.id)).available - traderBefore.available).toBe(u + (u * 15n) / 1000n);
      const history = await prisma.orderHistory.findFirstOrThrow({ where: { incomingOrderId: id, status: "completed" } });
      expect(history.storeCommission!.toString()).toBe("0.02");
      expect(history.platformProfit).toBe((u * 2n + 50n) / 100n - (u * 15n) / 1000n);
    } finally {
      await updateTrader({ traderId: T1.trader.id, payoutReward: "0.015" }, admin);
      await updateStore({ storeId: M.store.id, payoutCommission: "0.02" }, admin);
    }
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("a late payment: the merchant disputes an expired pay-in; support completes it and the trader's USDT is held again", async () => {
    const id = await awaitingPayin();
    const row = await orderRow(id);
    expect(await expireOrder(id, row.expiresAt!)).toBe("expired");
    const holder = row.traderId === T1.trader.id ? T1 : T2;
    const heldBefore = await traderUsdt(currencies, holder.trader.id);
    const disputed = await post(disputePayinRoute, "/api/v1/payin/{id}/dispute", M.key, id, { reason: "The customer paid two minutes late" });
    expect(disputed.json.status, disputed.text).toBe("disputed");
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { orderId: id, status: "open" } });
    const { order } = await resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "Transfer found at 12:17", actor: { type: "user", userId: supportUserId } });
    expect(order.status).toBe("completed");
    const after = await traderUsdt(currencies, holder.trader.id);
    expect(after.held).toBe(heldBefore.held);
    expect(after.available).toBeLessThan(heldBefore.available);
    const reasons = await prisma.balanceTraderCryptoHistory.findMany({ where: { orderId: id }, orderBy: { id: "asc" }, select: { reason: true } });
    expect(reasons.map((r) => r.reason)).toEqual(["payin_hold", "payin_expire_release", "payin_late_hold", "payin_complete"]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("a late dispute outside the window, or on a pay-in no trader ever had, is refused", async () => {
    const id = await awaitingPayin();
    await post(cancelPayinRoute, "/api/v1/payin/{id}/cancel", M.key, id, {});
    await prisma.incomingOrder.update({ where: { id }, data: { endedAt: new Date(Date.now() - 73 * 3600_000) } });
    expectErrorShape(await post(disputePayinRoute, "/api/v1/payin/{id}/dispute", M.key, id, { reason: "Paid last week" }), 409, "late_dispute_window_closed");
    expect(await orderRow(id)).toMatchObject({ status: "cancelled" });
  });

  it("support cannot complete a late dispute the trader's deposit no longer covers, and sees why", async () => {
    const poor = await traderWithApiToken(currencies, { deposit: 20_000_000n, trader: { trafficPriority: 100 } });
    const created = await call(createPayinRoute, "POST", "/api/v1/payin", { key: M.key, body: payinBody({ amount: 150_000 }) });
    const id = created.json.id as string;
    expect((await orderRow(id)).traderId).toBe(poor.trader.id);
    await post(cancelPayinRoute, "/api/v1/payin/{id}/cancel", M.key, id, {});
    await prisma.trader.update({ where: { id: poor.trader.id }, data: { trafficPriority: -100 } });
    // The deposit is spent elsewhere meanwhile: a withdrawal of all but 1 USDT.
    const balance = await traderUsdt(currencies, poor.trader.id);
    await prisma.$transaction((tx) =>
      import("@/lib/ledger/post-movements").then(({ postMovements }) =>
        postMovements(tx, [{ account: { kind: "trader_crypto", traderId: poor.trader.id, currencyId: currencies.USDT.id }, delta: -(balance.available - 1_000_000n), reason: "deposit_withdrawal" }]),
      ),
    );
    await post(disputePayinRoute, "/api/v1/payin/{id}/dispute", M.key, id, { reason: "Paid just before the cancel" });
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { orderId: id, status: "open" } });
    const refused = await resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "Paid", actor: { type: "user", userId: supportUserId } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "trader_deposit_insufficient" });
    expect((refused as Error).message).toMatch(/USDT/);
    expect(await orderRow(id)).toMatchObject({ status: "disputed" });
    expect(await prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "open" });
    expect(await checkLedger(prisma)).toEqual([]);
  });
});

describe("payouts are offered to online traders", () => {
  it("offer → decline → the next online trader → accept → release → nobody left, retried later; cancel then works", async () => {
    const created = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: M.key, body: payoutBody({ amount: amount() }) });
    const id = created.json.id as string;
    const listed = await call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: T1.token });
    const offer = listed.json.data.find((o: { id: string }) => o.id === id);
    // Before accepting, the trader sees where the money goes only masked.
    expect(offer).toMatchObject({ status: "created", destination: { type: "card", bank: "Sberbank", number: "•••• 9010", holder: null } });
    // The other trader cannot take T1's offer.
    expectErrorShape(await post(acceptRoute, "/api/v1/trader/orders/{id}/accept", T2.token, id), 404, "order_not_found");

    const declined = await post(declineRoute, "/api/v1/trader/orders/{id}/decline", T1.token, id);
    expect(declined.json, declined.text).toEqual({ id, object: "payout", offer: "declined" });
    expect(await orderRow(id)).toMatchObject({ status: "created", offeredTraderId: T2.trader.id, declinedTraderIds: [T1.trader.id] });
    expectErrorShape(await post(acceptRoute, "/api/v1/trader/orders/{id}/accept", T1.token, id), 404, "order_not_found");

    expect((await post(acceptRoute, "/api/v1/trader/orders/{id}/accept", T2.token, id)).json.status).toBe("assigned");
    expectErrorShape(await post(cancelPayoutRoute, "/api/v1/payout/{id}/cancel", M.key, id, {}), 409, "invalid_state");
    const released = await post(releaseRoute, "/api/v1/trader/orders/{id}/release", T2.token, id, { reason: "Bank is down" });
    expect(released.json.status, released.text).toBe("created");
    const row = await orderRow(id);
    expect(row).toMatchObject({ status: "created", traderId: null, offeredTraderId: null, traderReward: null });
    expect(row.declinedTraderIds.sort()).toEqual([T1.trader.id, T2.trader.id].sort());
    expect(row.nextMatchAt).not.toBeNull();

    const cancelled = await post(cancelPayoutRoute, "/api/v1/payout/{id}/cancel", M.key, id, {});
    expect(cancelled.json.status, cancelled.text).toBe("cancelled");
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("an unanswered offer lapses after order.payout_offer_seconds and goes to the next online trader", async () => {
    const t0 = new Date();
    await prisma.trader.updateMany({ where: { id: { in: [T1.trader.id, T2.trader.id] } }, data: { lastSeenAt: t0 } });
    const input = { amount: BigInt(amount()), currency: "RUB", customerId: "lapse", merchantOrderId: `lapse-${amountSeq}`, destination: { type: "card", number: "2200123456789010" } };
    const payout = await createPayout(M.store, input, { type: "merchant_api" }, t0);
    expect(payout.offeredTraderId).toBe(T1.trader.id);
    expect(payout.offerExpiresAt!.getTime() - t0.getTime()).toBe(60_000);
    // Not yet: the offer still stands.
    await retryDueMatches({ now: new Date(t0.getTime() + 59_000) });
    expect(await orderRow(payout.id)).toMatchObject({ offeredTraderId: T1.trader.id });
    await retryDueMatches({ now: payout.offerExpiresAt! });
    expect(await orderRow(payout.id)).toMatchObject({ status: "created", offeredTraderId: T2.trader.id, declinedTraderIds: [T1.trader.id] });
    const lapsed = await acceptPayout(payout.id, T1.trader.id, traderActor, payout.offerExpiresAt!).catch((e: unknown) => e);
    expect(lapsed).toMatchObject({ code: "order_not_found" });
    expect((await acceptPayout(payout.id, T2.trader.id, traderActor, payout.offerExpiresAt!)).status).toBe("assigned");
  });

  it("an offline trader gets no offer, a deactivated one no order at all", async () => {
    await prisma.trader.updateMany({ where: { id: { in: [T1.trader.id, T2.trader.id] } }, data: { lastSeenAt: new Date(Date.now() - 3600_000) } });
    try {
      const payout = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: M.key, body: payoutBody({ amount: amount() }) });
      expect(await orderRow(payout.json.id)).toMatchObject({ status: "created", offeredTraderId: null });
    } finally {
      await prisma.trader.updateMany({ where: { id: { in: [T1.trader.id, T2.trader.id] } }, data: { lastSeenAt: new Date() } });
    }
    // Deactivated with the highest priority and plenty of deposit: never chosen, for pay-ins or payouts.
    const deactivated = await traderWithApiToken(currencies, { trader: { isActive: false, lastSeenAt: new Date(), trafficPriority: 1000 } });
    const payin = await call(createPayinRoute, "POST", "/api/v1/payin", { key: M.key, body: payinBody({ amount: amount() }) });
    expect([T1.trader.id, T2.trader.id]).toContain((await orderRow(payin.json.id)).traderId);
    const payout = await call(createPayoutRoute, "POST", "/api/v1/payout", { key: M.key, body: payoutBody({ amount: amount() }) });
    expect((await orderRow(payout.json.id)).offeredTraderId).not.toBe(deactivated.trader.id);
  });
});
