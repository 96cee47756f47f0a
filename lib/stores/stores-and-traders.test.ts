import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { createStore, createTeamlead, createTrader, createUser } from "@/lib/testing";
import { adjustTraderDeposit } from "@/lib/traders/adjust-trader-deposit";
import { createStore as openStore } from "./create-store";
import { updateStore } from "./update-store";
import { updateTrader } from "@/lib/traders/update-trader";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { setupAdminCabinet, type AdminActor, type Currencies } from "@/lib/testing/fixtures";

let admin: AdminActor;
let currencies: Currencies;

beforeAll(async () => {
  ({ admin, currencies } = await setupAdminCabinet());
});

describe("createStore", () => {
  it("opens a store for a merchant (also one still invited) with its commissions and a webhook secret, audited without the secret", async () => {
    const merchant = await createUser(prisma, { role: "merchant", isActive: false });
    const { storeId } = await openStore({ merchantUserId: merchant.id, name: "  Новый магазин  ", payinCommission: "0,025", payoutCommission: "0.015" }, admin);
    const store = await prisma.merchantStore.findUniqueOrThrow({ where: { id: storeId } });
    expect(store).toMatchObject({ userId: merchant.id, name: "Новый магазин", isActive: true, callbackUrl: null });
    expect([store.payinCommission.toString(), store.payoutCommission.toString()]).toEqual(["0.025", "0.015"]);
    expect(store.webhookSecret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const [audit] = await auditRows("store", storeId);
    expect(audit).toMatchObject({ action: "store_created", newValues: { merchantUserId: merchant.id, name: "Новый магазин", payinCommission: "0.025", payoutCommission: "0.015" } });
    expect(JSON.stringify([audit.oldValues, audit.newValues])).not.toContain(store.webhookSecret);
  });

  it("refuses an owner who is not a merchant, a bad name or commission, and a non-admin, creating nothing", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    const trader = await createUser(prisma, { role: "trader" });
    const before = await prisma.merchantStore.count();
    const valid = { merchantUserId: merchant.id, name: "Shop", payinCommission: "0.03", payoutCommission: "0.02" };
    for (const owner of [trader.id, 2_000_000_000]) {
      expect((await expectDomainError(openStore({ ...valid, merchantUserId: owner }, admin), "not_a_merchant")).param).toBe("merchantUserId");
    }
    expect((await expectDomainError(openStore({ ...valid, name: "   " }, admin), "invalid_value")).param).toBe("name");
    expect((await expectDomainError(openStore({ ...valid, name: "x".repeat(121) }, admin), "invalid_value")).param).toBe("name");
    expect((await expectDomainError(openStore({ ...valid, payinCommission: "1" }, admin), "invalid_value")).param).toBe("payinCommission");
    await expectDomainError(openStore(valid, { type: "user", userId: merchant.id }), "admin_only");
    expect(await prisma.merchantStore.count()).toBe(before);
  });
});

describe("updateStore", () => {
  it("changes commissions, active flag and limits, audited field by field", async () => {
    const store = await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
    await updateStore({ storeId: store.id, payinCommission: "0.035", payoutCommission: "0.02", isActive: false, limits: { payin: { min: 10_000, max: 5_000_000 } } }, admin);
    const row = await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } });
    expect(row.payinCommission.toString()).toBe("0.035");
    expect(row).toMatchObject({ isActive: false, limits: { payin: { min: 10_000, max: 5_000_000 } } });
    const [audit] = await auditRows("store", store.id);
    expect(audit).toMatchObject({
      action: "store_updated",
      oldValues: { payinCommission: "0.03", isActive: true, limits: {} },
      newValues: { payinCommission: "0.035", isActive: false, limits: { payin: { min: 10_000, max: 5_000_000 } } },
    });
    expect(Object.keys(audit.newValues as object)).not.toContain("payoutCommission");
  });

  it("refuses commissions outside 0 ≤ x < 1 and malformed limits, changing nothing", async () => {
    const store = await createStore(prisma);
    for (const payinCommission of ["1", "1.0", "-0.01", "0.1234567", "abc", ""]) {
      expect((await expectDomainError(updateStore({ storeId: store.id, payinCommission }, admin), "invalid_value")).param).toBe("payinCommission");
    }
    for (const limits of [{ payin: { min: 500, max: 100 } }, { payin: { min: -1 } }, { other: {} }, { payin: { min: 1.5 } }]) {
      expect((await expectDomainError(updateStore({ storeId: store.id, limits } as never, admin), "invalid_value")).param).toBe("limits");
    }
    const row = await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } });
    expect(row.payinCommission.toString()).toBe("0.03");
    expect(row.limits).toEqual({});
    expect(await auditRows("store", store.id)).toHaveLength(0);
    // A comma is read as the decimal mark, and 0 is a valid commission.
    await updateStore({ storeId: store.id, payinCommission: "0,025", payoutCommission: "0" }, admin);
    const after = await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } });
    expect([after.payinCommission.toString(), after.payoutCommission.toString()]).toEqual(["0.025", "0"]);
  });

  it("refuses non-admins", async () => {
    const store = await createStore(prisma);
    await expectDomainError(updateStore({ storeId: store.id, isActive: false }, { type: "user", userId: store.userId }), "admin_only");
    expect((await prisma.merchantStore.findUniqueOrThrow({ where: { id: store.id } })).isActive).toBe(true);
  });
});

describe("updateTrader", () => {
  it("changes priority, rewards, team and active flag, audited", async () => {
    const team = await createTeamlead(prisma);
    const trader = await createTrader(prisma, { trafficPriority: 0, payinReward: "0.02" });
    await updateTrader({ traderId: trader.id, trafficPriority: 7, payinReward: "0.018", teamLeadId: team.profile.id, isActive: false }, admin);
    const row = await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } });
    expect(row).toMatchObject({ trafficPriority: 7, teamLeadId: team.profile.id, isActive: false });
    expect(row.payinReward.toString()).toBe("0.018");
    const [audit] = await auditRows("trader", trader.id);
    expect(audit).toMatchObject({
      oldValues: { trafficPriority: 0, payinReward: "0.02", teamLeadId: null, isActive: true },
      newValues: { trafficPriority: 7, payinReward: "0.018", teamLeadId: team.profile.id, isActive: false },
    });
    await updateTrader({ traderId: trader.id, teamLeadId: null }, admin);
    expect((await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } })).teamLeadId).toBeNull();
  });

  it("refuses a reward of 1 or more, an unknown team lead and an unknown trader", async () => {
    const trader = await createTrader(prisma);
    await expectDomainError(updateTrader({ traderId: trader.id, payoutReward: "1" }, admin), "invalid_value");
    await expectDomainError(updateTrader({ traderId: trader.id, teamLeadId: 987_654 }, admin), "teamlead_not_found");
    await expectDomainError(updateTrader({ traderId: 987_654, isActive: false }, admin), "trader_not_found");
    expect(await auditRows("trader", trader.id)).toHaveLength(0);
  });
});

describe("adjustTraderDeposit", () => {
  const balance = (traderId: number) =>
    prisma.balanceTraderCrypto.findUnique({ where: { traderId_currencyId: { traderId, currencyId: currencies.USDT.id } } });

  it("credits and debits through the ledger with history and audit rows, keeping the ledger consistent", async () => {
    const trader = await createTrader(prisma);
    expect(await adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: 1_500_000_123n, note: "TRC20 tx 0xabc" }, admin)).toEqual({ available: 1_500_000_123n, held: 0n });
    expect(await adjustTraderDeposit({ traderId: trader.id, direction: "debit", amount: 500_000_000n }, admin)).toEqual({ available: 1_000_000_123n, held: 0n });
    expect(await balance(trader.id)).toMatchObject({ amount: 1_000_000_123n, held: 0n });

    const history = await prisma.balanceTraderCryptoHistory.findMany({ where: { traderId: trader.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.reason, h.delta, h.balanceAfter, h.orderId])).toEqual([
      ["deposit_credit", 1_500_000_123n, 1_500_000_123n, null],
      ["deposit_debit", -500_000_000n, 1_000_000_123n, null],
    ]);
    const audits = await auditRows("trader", trader.id);
    expect(audits.map((a) => [a.action, a.oldValues, a.newValues])).toEqual([
      ["trader_deposit_credited", { available: "0", held: "0" }, { available: "1500000123", held: "0", amount: "1500000123", currency: "USDT", note: "TRC20 tx 0xabc" }],
      ["trader_deposit_debited", { available: "1500000123", held: "0" }, { available: "1000000123", held: "0", amount: "500000000", currency: "USDT" }],
    ]);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("refuses a debit beyond the available deposit and changes nothing", async () => {
    const trader = await createTrader(prisma);
    await adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: 10_000_000n }, admin);
    const error = await expectDomainError(adjustTraderDeposit({ traderId: trader.id, direction: "debit", amount: 10_000_001n }, admin), "insufficient_funds");
    expect(error.param).toBe("amount");
    expect(await balance(trader.id)).toMatchObject({ amount: 10_000_000n });
    expect(await prisma.balanceTraderCryptoHistory.count({ where: { traderId: trader.id } })).toBe(1);
    expect(await auditRows("trader", trader.id)).toHaveLength(1);
    // A trader with no deposit at all cannot be debited either.
    const empty = await createTrader(prisma);
    await expectDomainError(adjustTraderDeposit({ traderId: empty.id, direction: "debit", amount: 1n }, admin), "insufficient_funds");
    expect(await balance(empty.id)).toBeNull();
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("refuses zero or negative amounts, unknown traders and non-admins", async () => {
    const trader = await createTrader(prisma);
    await expectDomainError(adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: 0n }, admin), "invalid_value");
    await expectDomainError(adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: -5n }, admin), "invalid_value");
    await expectDomainError(adjustTraderDeposit({ traderId: 987_654, direction: "credit", amount: 5n }, admin), "trader_not_found");
    const merchant = await createUser(prisma, { role: "merchant" });
    await expectDomainError(adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: 5n }, { type: "user", userId: merchant.id }), "admin_only");
    expect(await balance(trader.id)).toBeNull();
  });

  it("keeps the deposit exact under concurrent debits: never negative, every success recorded", async () => {
    const trader = await createTrader(prisma);
    await adjustTraderDeposit({ traderId: trader.id, direction: "credit", amount: 5_000_000n }, admin);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => adjustTraderDeposit({ traderId: trader.id, direction: "debit", amount: 1_000_000n }, admin)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(await balance(trader.id)).toMatchObject({ amount: 0n });
    expect(await prisma.auditLog.count({ where: { entityType: "trader", entityId: String(trader.id), action: "trader_deposit_debited" } })).toBe(5);
    expect(await checkLedger(prisma)).toEqual([]);
  });
});
