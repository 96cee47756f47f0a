import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { DomainError } from "@/lib/errors/domain-error";
import { expectDomainError } from "@/lib/testing/assertions";
import type { Actor } from "@/lib/audit/record-audit";
import { createPayin } from "@/lib/orders/create-payin";
import { createPayout } from "@/lib/orders/create-payout";
import { completePayin } from "@/lib/orders/complete-payin";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { markPayoutPaid } from "@/lib/orders/mark-payout-paid";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { traderActor } from "@/lib/testing/actors";
import { expireOrder } from "@/lib/orders/expire-due-orders";
import { createStore, createSupport, createTrader, createUser } from "@/lib/testing";
import { creditStoreUsdt, setupReference, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { openDispute } from "./open-dispute";
import { resolveDispute } from "./resolve-dispute";
import { DISPUTE_TEXT_MAX, EVIDENCE_MAX_FILES } from "./limits";
import { SETTINGS } from "@/lib/settings/definitions";

const merchant: Actor = { type: "merchant_api" };
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
const png = (name = "transfer.png") => ({ fileName: name, contentType: "image/png", data: PNG });

let currencies: Currencies;
let store: Awaited<ReturnType<typeof createStore>>;
let trader: Awaited<ReturnType<typeof createTrader>>;
let supportActor: Actor;
let sequence = 0;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  store = await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
  ({ trader } = await traderWithRequisite(currencies, { deposit: 100_000_000_000n, trader: { payinReward: "0.02", payoutReward: "0.015", lastSeenAt: new Date() } }));
  const support = await createSupport(prisma);
  supportActor = { type: "user", userId: support.user.id };
});

/** A matched pay-in of a unique amount (no two open orders share an amount on the requisite). */
async function awaitingPayin(amount = 100_000n + BigInt(++sequence) * 100n) {
  const order = await createPayin(store, { amount, currency: "RUB", customerId: `cust-${sequence}`, merchantOrderId: `mo-${sequence}-${Math.random()}` }, merchant);
  expect(order.status).toBe("awaiting_payment");
  return order;
}

async function paidPayin(amount?: bigint) {
  const order = await awaitingPayin(amount);
  return markPayinPaid(order.id, store.id, merchant);
}

async function disputedPayin(amount?: bigint) {
  const order = await paidPayin(amount);
  const { dispute } = await openDispute({ orderId: order.id, storeId: store.id, reason: "Customer paid, trader did not confirm", evidence: [png()], actor: merchant, via: "merchant_api" });
  return { order, dispute };
}

const traderUsdt = () => prisma.balanceTraderCrypto.findUniqueOrThrow({ where: { traderId_currencyId: { traderId: trader.id, currencyId: currencies.USDT.id } } });
const storeUsdt = async () =>
  (await prisma.balanceStore.findUnique({ where: { storeId_currencyId: { storeId: store.id, currencyId: currencies.USDT.id } } })) ?? { amount: 0n, held: 0n };
const callbackEvents = async (orderId: string) =>
  (await prisma.callbackDelivery.findMany({ where: { orderId }, orderBy: { sequence: "asc" } })).map((c) => c.eventType);

/** The order's ledger movements, comparable between two orders: kind, reason, deltas. */
async function movementsOf(orderId: string) {
  const [store, crypto, fiat, platform] = await Promise.all([
    prisma.balanceStoreHistory.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    prisma.balanceTraderCryptoHistory.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    prisma.balanceTraderFiatHistory.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
    prisma.balancePlatformHistory.findMany({ where: { orderId }, orderBy: { id: "asc" } }),
  ]);
  const pick = (kind: string) => (row: { reason: string; delta: bigint; heldDelta: bigint }) => `${kind} ${row.reason} ${row.delta} ${row.heldDelta}`;
  return [...store.map(pick("store")), ...crypto.map(pick("trader_crypto")), ...fiat.map(pick("trader_fiat")), ...platform.map(pick("platform"))];
}

describe("openDispute", () => {
  it("disputes a paid pay-in: status disputed, holds kept, evidence stored, history, audit and callback written", async () => {
    const order = await paidPayin();
    const heldBefore = (await traderUsdt()).held;
    const result = await openDispute({
      orderId: order.id,
      storeId: store.id,
      reason: "  The customer paid 1 000 RUB at 12:03  ",
      evidence: [png(), { fileName: "statement.pdf", contentType: "application/pdf", data: PDF }],
      actor: merchant,
      via: "merchant_api",
    });
    expect(result.joined).toBe(false);
    expect(result.evidenceCount).toBe(2);
    expect(result.order).toMatchObject({ id: order.id, status: "disputed", expiresAt: null });
    expect(result.dispute).toMatchObject({ orderId: order.id, status: "open", openedVia: "merchant_api", reason: "The customer paid 1 000 RUB at 12:03" });
    expect((await traderUsdt()).held).toBe(heldBefore);

    const receipts = await prisma.receipt.findMany({ where: { disputeId: result.dispute.id }, orderBy: { id: "asc" } });
    expect(receipts.map((r) => [r.fileName, r.contentType, r.sizeBytes, r.uploadedVia, r.orderId])).toEqual([
      ["transfer.png", "image/png", PNG.length, "merchant_api", order.id],
      ["statement.pdf", "application/pdf", PDF.length, "merchant_api", order.id],
    ]);
    const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: order.id }, orderBy: { id: "asc" } });
    expect(history.at(-1)).toMatchObject({ fromStatus: "paid", status: "disputed", actorType: "merchant_api", note: "The customer paid 1 000 RUB at 12:03" });
    expect(await callbackEvents(order.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed"]);
    const audit = await prisma.auditLog.findMany({ where: { OR: [{ entityType: "dispute", entityId: String(result.dispute.id) }, { entityType: "order", entityId: order.id, action: "order.disputed" }] } });
    expect(audit.map((a) => a.action).sort()).toEqual(["dispute.opened", "order.disputed"]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("refuses orders that are not paid, and changes nothing", async () => {
    const awaiting = await awaitingPayin();
    const error = await expectDomainError(openDispute({ orderId: awaiting.id, storeId: store.id, reason: "paid", evidence: [], actor: merchant, via: "merchant_api" }), "invalid_state");
    expect(error.message).toContain("/confirm");
    const unmatched = await createPayin(store, { amount: 500_000_000n, currency: "RUB", customerId: "c-big", merchantOrderId: `big-${Math.random()}` }, merchant);
    expect(unmatched.status).toBe("created");
    await expectDomainError(openDispute({ orderId: unmatched.id, storeId: store.id, reason: "paid", evidence: [], actor: merchant, via: "merchant_api" }), "invalid_state");
    const completed = await paidPayin();
    await completePayin(completed.id, { traderId: trader.id }, traderActor);
    await expectDomainError(openDispute({ orderId: completed.id, storeId: store.id, reason: "paid", evidence: [], actor: merchant, via: "merchant_cabinet" }), "invalid_state");

    for (const [id, status] of [[awaiting.id, "awaiting_payment"], [unmatched.id, "created"], [completed.id, "completed"]] as const) {
      expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id } })).status).toBe(status);
    }
    expect(await prisma.dispute.count({ where: { orderId: { in: [awaiting.id, unmatched.id, completed.id] } } })).toBe(0);
  });

  it("hides another store's order as not found", async () => {
    const order = await paidPayin();
    const other = await createStore(prisma);
    await expectDomainError(openDispute({ orderId: order.id, storeId: other.id, reason: "mine", evidence: [], actor: merchant, via: "merchant_api" }), "order_not_found");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
  });

  it("allows one open dispute per order: a second is dispute_open, with nothing attached", async () => {
    const { order, dispute } = await disputedPayin();
    await expectDomainError(openDispute({ orderId: order.id, storeId: store.id, reason: "again", evidence: [png("second.png")], actor: merchant, via: "merchant_cabinet" }), "dispute_open");
    expect(await prisma.dispute.count({ where: { orderId: order.id } })).toBe(1);
    expect(await prisma.receipt.count({ where: { disputeId: dispute.id } })).toBe(1);
  });

  it("joins a dispute the deadline sweep opened, attaching the evidence", async () => {
    const order = await paidPayin();
    expect(await expireOrder(order.id, new Date(Date.now() + 24 * 3600_000))).toBe("disputed");
    const system = await prisma.dispute.findFirstOrThrow({ where: { orderId: order.id } });
    expect(system.openedVia).toBe("system");

    const result = await openDispute({ orderId: order.id, storeId: store.id, reason: "Bank statement attached", evidence: [png()], actor: merchant, via: "merchant_api" });
    expect(result.joined).toBe(true);
    expect(result.order.status).toBe("disputed");
    expect(result.dispute).toMatchObject({ id: system.id, status: "open", openedVia: "merchant_api", reason: "Bank statement attached" });
    expect(result.evidenceCount).toBe(1);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "dispute.joined", entityId: String(system.id) } });
    expect(audit.oldValues).toMatchObject({ openedVia: "system", reason: system.reason });
    // The sweep's reason stays on the order's timeline.
    const history = await prisma.orderHistory.findFirstOrThrow({ where: { incomingOrderId: order.id, status: "disputed" } });
    expect(history.note).toBe(system.reason);
    expect(await callbackEvents(order.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed"]);
  });

  it("validates the reason and evidence before writing anything", async () => {
    const order = await paidPayin();
    const attempt = (input: { reason?: string; evidence?: { fileName: string; contentType: string; data: Buffer }[] }) =>
      openDispute({ orderId: order.id, storeId: store.id, reason: input.reason ?? "paid", evidence: input.evidence ?? [], actor: merchant, via: "merchant_api" });
    await expectDomainError(attempt({ reason: "   " }), "invalid_value");
    await expectDomainError(attempt({ reason: "x".repeat(DISPUTE_TEXT_MAX + 1) }), "invalid_value");
    await expectDomainError(attempt({ reason: "bad\u0000byte" }), "invalid_value");
    const wrongType = await expectDomainError(attempt({ evidence: [{ fileName: "page.html", contentType: "text/html", data: Buffer.from("<script>") }] }), "invalid_evidence");
    expect(wrongType.param).toBe("evidence.0.content_type");
    const disguised = await expectDomainError(attempt({ evidence: [png(), { fileName: "x.png", contentType: "image/png", data: Buffer.from("<html>") }] }), "invalid_evidence");
    expect(disguised.param).toBe("evidence.1.content");
    await expectDomainError(attempt({ evidence: [{ fileName: "big.pdf", contentType: "application/pdf", data: Buffer.concat([PDF, Buffer.alloc(SETTINGS["receipts.max_bytes"].default)]) }] }), "invalid_evidence");
    await expectDomainError(attempt({ evidence: [{ ...png(), data: Buffer.alloc(0) }] }), "invalid_evidence");
    await expectDomainError(attempt({ evidence: [{ ...png(), fileName: " " }] }), "invalid_evidence");
    await expectDomainError(attempt({ evidence: Array.from({ length: EVIDENCE_MAX_FILES + 1 }, () => png()) }), "invalid_evidence");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    expect(await prisma.dispute.count({ where: { orderId: order.id } })).toBe(0);
    expect(await prisma.receipt.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("resolveDispute", () => {
  it("completed: the ledger moves exactly as a normal completion, the dispute records note, resolver and time", async () => {
    const amount = 777_700n;
    const normal = await paidPayin(amount);
    await completePayin(normal.id, { traderId: trader.id }, traderActor);

    const { order, dispute } = await disputedPayin(amount);
    const storeBefore = await storeUsdt();
    const result = await resolveDispute({ disputeId: dispute.id, outcome: "completed", note: " Bank statement shows the transfer ", actor: supportActor });
    expect(result.order).toMatchObject({ id: order.id, status: "completed" });
    expect(result.dispute).toMatchObject({ status: "resolved_completed", resolutionNote: "Bank statement shows the transfer", resolvedById: supportActor.userId });
    expect(result.dispute.resolvedAt).toBeInstanceOf(Date);

    expect(await movementsOf(order.id)).toEqual(await movementsOf(normal.id));
    const credit = (await storeUsdt()).amount - storeBefore.amount;
    expect(credit).toBeGreaterThan(0n);
    const history = await prisma.orderHistory.findFirstOrThrow({ where: { incomingOrderId: order.id, status: "completed" } });
    expect(history).toMatchObject({ fromStatus: "disputed", actorType: "user", actorUserId: supportActor.userId, note: "Bank statement shows the transfer" });
    expect(await callbackEvents(order.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed", "payin.completed"]);
    expect(await prisma.auditLog.count({ where: { action: "dispute.resolved", entityId: String(dispute.id) } })).toBe(1);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("cancelled: every hold is released and the merchant is told", async () => {
    const before = await traderUsdt();
    const { order, dispute } = await disputedPayin();
    expect((await traderUsdt()).held).toBeGreaterThan(before.held);
    const result = await resolveDispute({ disputeId: dispute.id, outcome: "cancelled", note: "No transfer on the trader's statement", actor: supportActor });
    expect(result.order).toMatchObject({ status: "cancelled", failureReason: "dispute_cancelled" });
    expect(result.dispute.status).toBe("resolved_cancelled");
    const after = await traderUsdt();
    expect(after.held).toBe(before.held);
    expect(after.amount).toBe(before.amount);
    expect(await callbackEvents(order.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed", "payin.cancelled"]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("requires a note, refuses non-support resolvers and unknown disputes, changing nothing", async () => {
    const { order, dispute } = await disputedPayin();
    await expectDomainError(resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "  ", actor: supportActor }), "invalid_value");
    await expectDomainError(resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "y".repeat(DISPUTE_TEXT_MAX + 1), actor: supportActor }), "invalid_value");
    const merchantUser = await createUser(prisma, { role: "merchant" });
    await expectDomainError(resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "ok", actor: { type: "user", userId: merchantUser.id } }), "support_only");
    await expectDomainError(resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "ok", actor: merchant }), "support_only");
    const narrowed = await createSupport(prisma, { grantedPermissions: { "orders.read": true, "disputes.resolve": false } });
    await expectDomainError(resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "ok", actor: { type: "user", userId: narrowed.user.id } }), "support_only");
    const inactive = await createSupport(prisma, { isActive: false });
    await expectDomainError(resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "ok", actor: { type: "user", userId: inactive.user.id } }), "support_only");
    await expectDomainError(resolveDispute({ disputeId: 987_654, outcome: "completed", note: "ok", actor: supportActor }), "dispute_not_found");
    expect((await prisma.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).status).toBe("open");
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("disputed");
  });

  it("two supports resolving at once: exactly one wins, the other gets dispute_resolved", async () => {
    const second = await createSupport(prisma);
    const secondActor: Actor = { type: "user", userId: second.user.id };
    for (let round = 0; round < 3; round++) {
      const { order, dispute } = await disputedPayin();
      const results = await Promise.allSettled([
        resolveDispute({ disputeId: dispute.id, outcome: "completed", note: "paid", actor: supportActor }),
        resolveDispute({ disputeId: dispute.id, outcome: "cancelled", note: "not paid", actor: secondActor }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0].reason as DomainError).code).toBe("dispute_resolved");
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof resolveDispute>>>).value;
      const row = await prisma.incomingOrder.findUniqueOrThrow({ where: { id: order.id } });
      expect(row.status).toBe(winner.order.status);
      expect(await prisma.orderHistory.count({ where: { incomingOrderId: order.id, fromStatus: "disputed" } })).toBe(1);
      expect((await callbackEvents(order.id)).filter((e) => e === "payin.completed" || e === "payin.cancelled")).toHaveLength(1);
    }
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("settles a disputed payout either way: completed repays the trader, cancelled returns the store's hold", async () => {
    await creditStoreUsdt(currencies, store.id, 50_000_000_000n);
    const payout = async () => {
      const created = await createPayout(
        store,
        { amount: 200_000n + BigInt(++sequence) * 100n, currency: "RUB", customerId: `po-${sequence}`, merchantOrderId: `po-${sequence}-${Math.random()}`, destination: { type: "card", number: "2200123456789010" } },
        merchant,
      );
      expect(created).toMatchObject({ status: "created", offeredTraderId: trader.id });
      await acceptPayout(created.id, trader.id, traderActor);
      const paid = await markPayoutPaid(created.id, trader.id, traderActor, { fileName: "r.png", contentType: "image/png", data: PNG });
      expect(paid.status).toBe("paid");
      return openDispute({ orderId: created.id, storeId: store.id, reason: "The customer got nothing", evidence: [], actor: merchant, via: "merchant_cabinet" });
    };
    const won = await payout();
    const storeBefore = await storeUsdt();
    await resolveDispute({ disputeId: won.dispute.id, outcome: "completed", note: "Receipt checked", actor: supportActor });
    expect((await storeUsdt()).held).toBeLessThan(storeBefore.held);
    expect(await callbackEvents(won.order.id)).toContain("payout.completed");

    const lost = await payout();
    const beforeCancel = await storeUsdt();
    await resolveDispute({ disputeId: lost.dispute.id, outcome: "cancelled", note: "Receipt is fake", actor: supportActor });
    const afterCancel = await storeUsdt();
    expect(afterCancel.amount - beforeCancel.amount).toBe(beforeCancel.held - afterCancel.held);
    expect(await checkLedger(prisma)).toEqual([]);
  });
});
