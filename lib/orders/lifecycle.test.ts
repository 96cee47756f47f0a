import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { postMovements } from "@/lib/ledger/post-movements";
import { DomainError } from "@/lib/errors/domain-error";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { createAdmin, createRequisite, createStore, createSupport, createTrader } from "@/lib/testing";
import { setSetting, setupReference } from "@/lib/testing/fixtures";
import { adminActor, customerActor, merchantActor, supportActor, systemActor, traderActor } from "@/lib/testing/actors";
import { openDispute } from "@/lib/disputes/open-dispute";
import { resolveDispute } from "@/lib/disputes/resolve-dispute";
import { retryMatch } from "@/lib/matching/retry-due-matches";
import { LIFECYCLE, mayTransition, refusalOf, type Party } from "./lifecycle";
import { lifecycleReadme } from "./lifecycle-readme";
import { createPayin } from "./create-payin";
import { createPayout } from "./create-payout";
import { markPayinPaid } from "./mark-payin-paid";
import { completePayin } from "./complete-payin";
import { endOrder } from "./end-order";
import { expireOrder } from "./expire-due-orders";
import { acceptPayout } from "./accept-payout";
import { declinePayout } from "./decline-payout";
import { releasePayout } from "./release-payout";
import { markPayoutPaid } from "./mark-payout-paid";
import { confirmPayout } from "./confirm-payout";
import { forceOrder } from "./force-order";

// Every row of lib/orders/lifecycle.ts, allowed and refused: an order is brought into each
// status through the engine, then every party tries every move on it through the domain
// function that performs it. An allowed move lands in the table's status; a refused one is a
// DomainError (409/403, or 404 where the party cannot see the order) and changes nothing.

const FAR = new Date(Date.now() + 30 * 24 * 3600_000);
const UNMATCHABLE = 900_000_000n; // above every requisite's max_amount
const RECEIPT = { fileName: "receipt.png", contentType: "image/png", data: Buffer.from("iVBORw0KGgo=", "base64") };

let store: Awaited<ReturnType<typeof createStore>>;
let trader: Awaited<ReturnType<typeof createTrader>>;
let supportId: number;
let adminId: number;
let sequence = 0;

beforeAll(async () => {
  const { currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 });
  await setSetting("trader.online_window_seconds", 3600);
  store = await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
  trader = await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.015", lastSeenAt: new Date() });
  await prisma.$transaction((tx) =>
    postMovements(tx, [
      { account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 1_000_000_000_000n, reason: "deposit_credit" },
      { account: { kind: "store", storeId: store.id, currencyId: currencies.USDT.id }, delta: 1_000_000_000_000n, reason: "deposit_credit" },
    ]),
  );
  for (let i = 0; i < 4; i++) await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, dailyLimit: 10_000_000_000n });
  supportId = (await createSupport(prisma)).user.id;
  adminId = (await createAdmin(prisma)).user.id;
});

const nextInput = (amount?: bigint) => {
  sequence++;
  return { amount: amount ?? 100_000n + BigInt(sequence) * 100n, currency: "RUB", customerId: `c-${sequence}`, merchantOrderId: `m-${sequence}` };
};
const payoutInput = (amount?: bigint) => ({ ...nextInput(amount), destination: { type: "card", number: "2200123456789010" } });
const dispute = (id: string) => openDispute({ orderId: id, storeId: store.id, reason: "The customer says so", evidence: [], actor: merchantActor, via: "merchant_api" });
const expire = async (id: string) => {
  const { expiresAt } = await prisma.incomingOrder.findUniqueOrThrow({ where: { id } });
  return expireOrder(id, expiresAt!);
};

/** Brings a new order of `type` into `status` through the engine, by the parties allowed to. */
async function orderIn(type: OrderType, status: OrderStatus): Promise<string> {
  if (type === "payin") {
    if (status === "created" || status === "failed") {
      const { id } = await createPayin(store, nextInput(UNMATCHABLE), merchantActor);
      if (status === "failed") expect(await retryMatch(id, FAR)).toMatchObject({ outcome: "failed" });
      return id;
    }
    const { id } = await createPayin(store, nextInput(), merchantActor);
    if (status === "paid" || status === "disputed") await markPayinPaid(id, store.id, merchantActor);
    if (status === "disputed") await dispute(id);
    if (status === "completed") await completePayin(id, { traderId: trader.id }, traderActor);
    if (status === "cancelled") await endOrder(id, "cancelled", { storeId: store.id }, merchantActor);
    if (status === "expired") await expire(id);
    return id;
  }
  if (status === "failed") {
    const { id } = await createPayout(store, payoutInput(UNMATCHABLE), merchantActor);
    expect(await retryMatch(id, FAR)).toMatchObject({ outcome: "failed" });
    return id;
  }
  const { id, offeredTraderId } = await createPayout(store, payoutInput(), merchantActor);
  expect(offeredTraderId).toBe(trader.id);
  if (status === "cancelled") await endOrder(id, "cancelled", { storeId: store.id }, merchantActor);
  if (status === "created" || status === "cancelled") return id;
  await acceptPayout(id, trader.id, traderActor);
  if (status === "expired") await expire(id);
  if (status === "assigned" || status === "expired") return id;
  await markPayoutPaid(id, trader.id, traderActor, RECEIPT);
  if (status === "disputed") await dispute(id);
  if (status === "completed") await confirmPayout(id, store.id, merchantActor);
  return id;
}

interface Move {
  party: Party;
  to: OrderStatus;
  name: string;
  run: (id: string) => Promise<unknown>;
}

const force = (outcome: "completed" | "cancelled", party: "support" | "admin"): Move => ({
  party,
  to: outcome,
  name: `${party} force ${outcome}`,
  run: (id) => forceOrder({ orderId: id, outcome, note: "Stuck order", actor: party === "support" ? supportActor(supportId) : adminActor(adminId) }),
});

const MOVES: Record<OrderType, Move[]> = {
  payin: [
    { party: "merchant", to: "cancelled", name: "merchant cancels", run: (id) => endOrder(id, "cancelled", { storeId: store.id }, merchantActor) },
    { party: "merchant", to: "paid", name: "merchant reports the payment", run: (id) => markPayinPaid(id, store.id, merchantActor) },
    { party: "customer", to: "paid", name: "customer reports the payment", run: (id) => markPayinPaid(id, store.id, customerActor) },
    { party: "merchant", to: "disputed", name: "merchant disputes", run: dispute },
    { party: "trader", to: "disputed", name: "trader: the money did not arrive", run: (id) => openDispute({ orderId: id, traderId: trader.id, reason: "Nothing arrived", evidence: [], actor: traderActor, via: "trader" }) },
    { party: "trader", to: "completed", name: "trader confirms", run: (id) => completePayin(id, { traderId: trader.id }, traderActor) },
    { party: "merchant", to: "completed", name: "merchant completes", run: (id) => completePayin(id, { storeId: store.id }, merchantActor) },
    { party: "trader", to: "cancelled", name: "trader cancels", run: (id) => endOrder(id, "cancelled", { traderId: trader.id }, traderActor) },
    force("completed", "support"),
    force("cancelled", "support"),
    force("completed", "admin"),
    force("cancelled", "admin"),
  ],
  payout: [
    { party: "merchant", to: "cancelled", name: "merchant cancels", run: (id) => endOrder(id, "cancelled", { storeId: store.id }, merchantActor) },
    { party: "merchant", to: "completed", name: "merchant confirms", run: (id) => confirmPayout(id, store.id, merchantActor) },
    { party: "merchant", to: "disputed", name: "merchant disputes", run: dispute },
    { party: "trader", to: "assigned", name: "trader accepts", run: (id) => acceptPayout(id, trader.id, traderActor) },
    { party: "trader", to: "created", name: "trader releases", run: (id) => releasePayout(id, trader.id, traderActor) },
    { party: "trader", to: "paid", name: "trader marks paid", run: (id) => markPayoutPaid(id, trader.id, traderActor, RECEIPT) },
    { party: "trader", to: "cancelled", name: "trader cancels", run: (id) => endOrder(id, "cancelled", { traderId: trader.id }, traderActor) },
    force("completed", "support"),
    force("cancelled", "support"),
    force("completed", "admin"),
    force("cancelled", "admin"),
  ],
};

const STATUSES: Record<OrderType, OrderStatus[]> = {
  payin: ["created", "awaiting_payment", "paid", "disputed", "completed", "cancelled", "expired", "failed"],
  payout: ["created", "assigned", "paid", "disputed", "completed", "cancelled", "expired", "failed"],
};

/** What a refused move must leave exactly as it was. */
async function footprint(id: string) {
  const order = await prisma.incomingOrder.findUniqueOrThrow({ where: { id } });
  const [history, disputes, store_, crypto, platform] = await Promise.all([
    prisma.orderHistory.count({ where: { incomingOrderId: id } }),
    prisma.dispute.findMany({ where: { orderId: id }, select: { status: true } }),
    prisma.balanceStoreHistory.count({ where: { orderId: id } }),
    prisma.balanceTraderCryptoHistory.count({ where: { orderId: id } }),
    prisma.balancePlatformHistory.count({ where: { orderId: id } }),
  ]);
  return { status: order.status, traderId: order.traderId, updatedAt: order.updatedAt, history, disputes, ledger: store_ + crypto + platform };
}

/**
 * The refusal code a move must get beyond the table's own 409/403 (null: the table decides;
 * "": allowed): a move the table allows may still need a trader on the order.
 */
function expectedRefusalCode(type: OrderType, from: OrderStatus, move: Move): string | null {
  // A second dispute on a disputed order is 409 dispute_open (support already has it).
  if (from === "disputed" && move.to === "disputed") return "dispute_open";
  if (!mayTransition(type, from, move.to, move.party)) return null;
  const unmatched = from === "created" || from === "failed" || (type === "payout" && from === "cancelled");
  if (move.to === "completed" && unmatched) return "not_matched";
  return "";
}

describe("the lifecycle table", () => {
  it("is the README's table", () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toContain(lifecycleReadme().block);
  });

  it("names only parties and statuses that exist, each row with a reason", () => {
    for (const rule of LIFECYCLE) {
      expect(rule.when.length).toBeGreaterThan(5);
      expect(rule.by.length).toBeGreaterThan(0);
      expect(rule.from).not.toContain(rule.to);
    }
    expect(refusalOf("payin", "paid", "cancelled", "merchant")).toBe("state");
    expect(refusalOf("payin", "paid", "completed", "merchant")).toBe("party");
    expect(refusalOf("payin", "disputed", "completed", "trader")).toBe("state");
  });

  for (const type of ["payin", "payout"] as const) {
    for (const from of STATUSES[type]) {
      it(`${type} ${from}: every party's every move is allowed exactly as the table says`, async () => {
        for (const move of MOVES[type]) {
          const id = await orderIn(type, from);
          const before = await footprint(id);
          const outcome = await move.run(id).then(
            () => null,
            (error: unknown) => error,
          );
          const label = `${type} ${from} → ${move.to}: ${move.name}`;
          const refusal = expectedRefusalCode(type, from, move);
          if (refusal === "") {
            expect(outcome, `${label} should be allowed, got ${String(outcome)}`).toBeNull();
            const after = await footprint(id);
            // A released payout is offered on at once: it is `created` again (or failed when nobody is left).
            expect(after.status, label).toBe(move.to);
            if (from === "disputed") expect(after.disputes.every((d) => d.status !== "open"), label).toBe(true);
            continue;
          }
          expect(outcome, `${label} should be refused`).toBeInstanceOf(DomainError);
          const error = outcome as DomainError;
          if (refusal) expect(error.code, label).toBe(refusal);
          else if (before.traderId === null && move.party === "trader") expect(["not_found", "invalid_state", "permission"], label).toContain(error.kind);
          else expect(error.kind, `${label}: ${error.code} ${error.message}`).toBe(refusalOf(type, from, move.to, move.party) === "party" ? "permission" : "invalid_state");
          expect(await footprint(id), label).toEqual(before);
        }
        expect(await checkLedger(prisma)).toEqual([]);
      });
    }
  }

  it("the deadline sweep moves only what the system may: expiry, escalation, the payout's confirmation window", async () => {
    const outcomes: Record<string, string | null> = {};
    for (const type of ["payin", "payout"] as const) {
      for (const from of STATUSES[type]) {
        const id = await orderIn(type, from);
        const before = await footprint(id);
        const outcome = await expireOrder(id, FAR);
        outcomes[`${type} ${from}`] = outcome;
        if (outcome) expect(mayTransition(type, from, outcome, "system"), `${type} ${from} → ${outcome}`).toBe(true);
        else expect(await footprint(id)).toEqual(before);
      }
    }
    expect(outcomes).toEqual({
      "payin created": null,
      "payin awaiting_payment": "expired",
      "payin paid": "disputed",
      "payin disputed": null,
      "payin completed": null,
      "payin cancelled": null,
      "payin expired": null,
      "payin failed": null,
      "payout created": null,
      "payout assigned": "expired",
      "payout paid": "completed",
      "payout disputed": null,
      "payout completed": null,
      "payout cancelled": null,
      "payout expired": null,
      "payout failed": null,
    });
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("support resolves only a disputed order, closing its dispute in the same transaction", async () => {
    for (const type of ["payin", "payout"] as const) {
      const id = await orderIn(type, "disputed");
      const open = await prisma.dispute.findFirstOrThrow({ where: { orderId: id, status: "open" } });
      const { order, dispute: closed } = await resolveDispute({ disputeId: open.id, outcome: "completed", note: "Checked the statement", actor: supportActor(supportId) });
      expect(order.status).toBe("completed");
      expect(closed).toMatchObject({ status: "resolved_completed", resolutionNote: "Checked the statement", resolvedById: supportId });
    }
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("a declined offer goes to the next online trader and never back", async () => {
    const { id } = await createPayout(store, payoutInput(), merchantActor);
    await declinePayout(id, trader.id, traderActor);
    const order = await prisma.incomingOrder.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ status: "created", offeredTraderId: null, declinedTraderIds: [trader.id] });
    const refused = await acceptPayout(id, trader.id, traderActor).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe("order_not_found");
  });

  it("the system, a teamlead and an unverified staff label are no party to a trader's or merchant's move", async () => {
    const id = await orderIn("payin", "awaiting_payment");
    const refused = await completePayin(id, {}, { type: "user", role: "teamlead", userId: 1 }).catch((e: unknown) => e);
    expect((refused as DomainError).code).toBe("transition_forbidden");
    const bySystem = await completePayin(id, {}, systemActor).catch((e: unknown) => e);
    expect((bySystem as DomainError).code).toBe("transition_forbidden");
    // A support or admin label is not enough: only resolveDispute and forceOrder, which check
    // the user (active, role, permission), act as support or admin.
    for (const actor of [supportActor(supportId), adminActor(adminId)]) {
      expect(await completePayin(id, {}, actor).catch((e: unknown) => (e as DomainError).code)).toBe("transition_forbidden");
      expect(await endOrder(id, "cancelled", {}, actor).catch((e: unknown) => (e as DomainError).code)).toBe("transition_forbidden");
    }
    expect((await prisma.incomingOrder.findUniqueOrThrow({ where: { id } })).status).toBe("awaiting_payment");
  });
});
