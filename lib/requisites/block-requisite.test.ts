import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/audit/record-audit";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { addTraderRequisite } from "@/lib/requisites/add-trader-requisite";
import { listTraderRequisites } from "@/lib/requisites/list-trader-requisites";
import { setRequisiteStatus } from "@/lib/requisites/set-requisite-status";
import { updateRequisiteLimits } from "@/lib/requisites/update-requisite-limits";
import { createPayin } from "@/lib/orders/create-payin";
import { createAdmin, createStore, createSupport, createTrader, createUser } from "@/lib/testing";
import { setupReference, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { blockRequisite, unblockRequisite } from "./block-requisite";
import { listRequisiteBlocks } from "./list-requisite-blocks";

let currencies: Currencies;
let banks: Awaited<ReturnType<typeof setupReference>>["banks"];
let support: Actor & { userId: number };

const SYSTEM: Actor = { type: "system" };
const userActor = (userId: number): Actor & { userId: number } => ({ type: "user", userId, ip: "192.0.2.20", userAgent: "vitest" });

beforeAll(async () => {
  // Several pay-ins of one customer below; the fraud caps have their own tests.
  ({ currencies, banks } = await setupReference({ relaxFraudCaps: true }));
  support = userActor((await createSupport(prisma)).user.id);
});

/**
 * A trader with a deposit and one active RUB card that alone accepts pay-ins of [min, max]
 * kopecks (an odd range no other test's requisite covers).
 */
async function traderWithCard(range = { min: 10_000n, max: 10_000_000n }) {
  const { trader, requisite } = await traderWithRequisite(currencies, { requisite: { bankId: banks.sber.id, minAmount: range.min, maxAmount: range.max } });
  return { trader, requisite, traderActor: userActor(trader.userId) };
}

const statusOf = async (id: number) => prisma.reqTrader.findUniqueOrThrow({ where: { id }, select: { status: true, blockedReason: true } });

let payinSequence = 0;
const payin = (amount: bigint) => ({ amount, currency: "RUB", customerId: "cust-block", merchantOrderId: `block-${++payinSequence}-${Date.now()}` });

describe("blockRequisite", () => {
  it("sets status blocked with the reason, audited with the old and new status; the trader sees it blocked with the reason", async () => {
    const { trader, requisite } = await traderWithCard();
    const result = await blockRequisite({ requisiteId: requisite.id, reason: "  Chargebacks reported by the bank  ", actor: support });
    expect(result).toEqual({ id: requisite.id, status: "blocked", blockedReason: "Chargebacks reported by the bank" });
    expect(await statusOf(requisite.id)).toEqual({ status: "blocked", blockedReason: "Chargebacks reported by the bank" });

    const [audit] = await auditRows("requisite", requisite.id);
    expect(audit).toMatchObject({
      action: "requisite.blocked",
      userId: support.userId,
      actorType: "user",
      oldValues: { status: "active" },
      newValues: { status: "blocked", reason: "Chargebacks reported by the bank" },
    });

    const { requisites } = await listTraderRequisites(trader.id);
    expect(requisites).toEqual([expect.objectContaining({ id: requisite.id, status: "blocked", blockedReason: "Chargebacks reported by the bank" })]);
    const [staffView] = await listRequisiteBlocks(support.userId, { requisiteIds: [requisite.id] });
    expect(staffView).toMatchObject({ id: requisite.id, traderId: trader.id, status: "blocked", blockedReason: "Chargebacks reported by the bank", bankName: "Sberbank" });
    expect(staffView.maskedNumber).toMatch(/^•••• \d{4}$/);
  });

  it("is never matched: a pay-in that only the blocked requisite fits stays unmatched, and matches again once the trader switches it back on", async () => {
    const store = await createStore(prisma);
    const { requisite, traderActor, trader } = await traderWithCard({ min: 4_321_000n, max: 4_321_100n });
    await blockRequisite({ requisiteId: requisite.id, reason: "Suspected fraud", actor: support });

    const unmatched = await createPayin(store, payin(4_321_050n), SYSTEM);
    expect(unmatched).toMatchObject({ status: "created", requisiteId: null, traderId: null });

    // Unblocked it is off: still nothing routed to it until the trader switches it on.
    await unblockRequisite({ requisiteId: requisite.id, reason: "Bank cleared it", actor: support });
    expect((await createPayin(store, payin(4_321_060n), SYSTEM)).requisiteId).toBeNull();
    expect(await setRequisiteStatus(trader.id, requisite.id, "active", traderActor)).toBe(true);
    const matched = await createPayin(store, payin(4_321_070n), SYSTEM);
    expect(matched).toMatchObject({ status: "awaiting_payment", requisiteId: requisite.id });
  });

  it("may be done by support with requisites.block (the default) and by an admin with traders.manage", async () => {
    const { requisite } = await traderWithCard();
    const admin = userActor((await createAdmin(prisma)).user.id);
    await blockRequisite({ requisiteId: requisite.id, reason: "Admin check", actor: admin });
    await unblockRequisite({ requisiteId: requisite.id, reason: "Admin check done", actor: admin });
    await blockRequisite({ requisiteId: requisite.id, reason: "Support check", actor: support });
    expect((await auditRows("requisite", requisite.id)).map((row) => [row.action, row.userId])).toEqual([
      ["requisite.blocked", admin.userId],
      ["requisite.unblocked", admin.userId],
      ["requisite.blocked", support.userId],
    ]);
  });

  it("refuses everyone else with a permission error, changing nothing", async () => {
    const { requisite, traderActor } = await traderWithCard();
    const narrowedSupport = await createSupport(prisma, { grantedPermissions: { "requisites.block": false } });
    const inactiveSupport = await createSupport(prisma, { isActive: false });
    const narrowedAdmin = await createAdmin(prisma, { grantedPermissions: { "traders.manage": false } });
    const merchant = await createUser(prisma, { role: "merchant" });
    const actors: Actor[] = [
      userActor(narrowedSupport.user.id),
      userActor(inactiveSupport.user.id),
      userActor(narrowedAdmin.user.id),
      userActor(merchant.id),
      traderActor,
      SYSTEM,
      { type: "merchant_api", userId: merchant.id },
    ];
    for (const actor of actors) {
      const error = await expectDomainError(blockRequisite({ requisiteId: requisite.id, reason: "Not allowed", actor }), "permission_denied");
      expect(error.kind).toBe("permission");
    }
    await blockRequisite({ requisiteId: requisite.id, reason: "Allowed", actor: support });
    for (const actor of actors) await expectDomainError(unblockRequisite({ requisiteId: requisite.id, reason: "Not allowed", actor }), "permission_denied");
    expect(await statusOf(requisite.id)).toEqual({ status: "blocked", blockedReason: "Allowed" });
    expect(await auditRows("requisite", requisite.id)).toHaveLength(1);
    await expectDomainError(listRequisiteBlocks(merchant.id, { requisiteIds: [requisite.id] }), "permission_denied");
  });

  it("refuses a missing or bad reason and an unknown requisite as invalid_request naming the field", async () => {
    const { requisite } = await traderWithCard();
    for (const reason of ["", "  ab  ", "x".repeat(501)]) {
      const error = await expectDomainError(blockRequisite({ requisiteId: requisite.id, reason, actor: support }), "invalid_value");
      expect([error.kind, error.param]).toEqual(["invalid_request", "reason"]);
    }
    expect((await expectDomainError(blockRequisite({ requisiteId: 0, reason: "Valid reason", actor: support }), "invalid_value")).param).toBe("requisiteId");
    expect((await expectDomainError(blockRequisite({ requisiteId: 2_000_000_000, reason: "Valid reason", actor: support }), "requisite_not_found")).kind).toBe("not_found");
    expect(await statusOf(requisite.id)).toEqual({ status: "active", blockedReason: null });
    // 500 characters is the most the column keeps.
    await blockRequisite({ requisiteId: requisite.id, reason: "y".repeat(500), actor: support });
    expect((await statusOf(requisite.id)).blockedReason).toHaveLength(500);
  });

  it("refuses blocking a blocked requisite and unblocking one that is not blocked (invalid_state)", async () => {
    const { requisite } = await traderWithCard();
    const notBlocked = await expectDomainError(unblockRequisite({ requisiteId: requisite.id, reason: "Nothing to lift", actor: support }), "requisite_not_blocked");
    expect(notBlocked.kind).toBe("invalid_state");
    await blockRequisite({ requisiteId: requisite.id, reason: "First block", actor: support });
    const twice = await expectDomainError(blockRequisite({ requisiteId: requisite.id, reason: "Second block", actor: support }), "requisite_blocked");
    expect(twice.kind).toBe("invalid_state");
    expect(await statusOf(requisite.id)).toEqual({ status: "blocked", blockedReason: "First block" });
    expect(await auditRows("requisite", requisite.id)).toHaveLength(1);
  });
});

describe("a blocked requisite and its trader", () => {
  it("cannot be switched on, edited or added again (also by another trader): requisite_blocked", async () => {
    const { trader, requisite, traderActor } = await traderWithCard();
    await blockRequisite({ requisiteId: requisite.id, reason: "Card reported stolen", actor: support });
    await expectDomainError(setRequisiteStatus(trader.id, requisite.id, "active", traderActor), "requisite_blocked");
    await expectDomainError(setRequisiteStatus(trader.id, requisite.id, "inactive", traderActor), "requisite_blocked");
    await expectDomainError(
      updateRequisiteLimits(trader.id, requisite.id, { minAmount: 1n, maxAmount: 2n, dailyLimit: 3n, monthlyLimit: null, dailyCountLimit: null }, traderActor),
      "requisite_blocked",
    );
    const { number } = requisite.details as { number: string };
    const sameCard = {
      type: "card" as const,
      bankId: banks.sber.id,
      currencyCode: "RUB",
      number,
      holder: "IVAN PETROV",
      minAmount: 10_000n,
      maxAmount: 100_000n,
      dailyLimit: 1_000_000n,
      monthlyLimit: null,
      dailyCountLimit: null,
    };
    expect((await expectDomainError(addTraderRequisite(trader.id, sameCard, traderActor), "requisite_blocked")).param).toBe("number");
    const other = await createTrader(prisma);
    await expectDomainError(addTraderRequisite(other.id, sameCard, userActor(other.userId)), "requisite_blocked");
    expect(await prisma.reqTrader.count({ where: { details: { path: ["number"], equals: number } } })).toBe(1);
    expect(await statusOf(requisite.id)).toEqual({ status: "blocked", blockedReason: "Card reported stolen" });
  });

  it("is unblocked to inactive with the reason cleared; the audit keeps both reasons; the trader may then switch it on", async () => {
    const { trader, requisite, traderActor } = await traderWithCard();
    await blockRequisite({ requisiteId: requisite.id, reason: "Limits abuse", actor: support });
    expect(await unblockRequisite({ requisiteId: requisite.id, reason: "Trader explained", actor: support })).toEqual({ id: requisite.id, status: "inactive" });
    expect(await statusOf(requisite.id)).toEqual({ status: "inactive", blockedReason: null });
    const [, unblocked] = await auditRows("requisite", requisite.id);
    expect(unblocked).toMatchObject({
      action: "requisite.unblocked",
      oldValues: { status: "blocked", reason: "Limits abuse" },
      newValues: { status: "inactive", reason: "Trader explained" },
    });
    expect((await listTraderRequisites(trader.id)).requisites[0]).toMatchObject({ status: "inactive", blockedReason: null });
    expect(await setRequisiteStatus(trader.id, requisite.id, "active", traderActor)).toBe(true);
    expect((await statusOf(requisite.id)).status).toBe("active");
  });
});
