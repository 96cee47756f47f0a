import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { completePayinOrder, createStore, releaseOrder, testCardNumber } from "@/lib/testing";
import { addTraderRequisite } from "./add-trader-requisite";
import { listTraderRequisites } from "./list-trader-requisites";
import { newRequisiteSchema, requisiteLimitsSchema, type NewRequisite } from "./requisite-schema";
import { setRequisiteStatus } from "./set-requisite-status";
import { updateRequisiteLimits } from "./update-requisite-limits";
import { expectDomainError } from "@/lib/testing/assertions";
import { matchedPayin, setupReference, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;
let banks: Awaited<ReturnType<typeof setupReference>>["banks"];

beforeAll(async () => {
  ({ currencies, banks } = await setupReference());
});

const auditRows = (requisiteId: number) =>
  prisma.auditLog.findMany({ where: { entityType: "requisite", entityId: String(requisiteId) }, orderBy: { id: "asc" } });

function newCard(overrides: Partial<NewRequisite> = {}): NewRequisite {
  return {
    type: "card",
    bankId: banks.sber.id,
    currencyCode: "RUB",
    number: testCardNumber(),
    holder: "ANNA K.",
    minAmount: 50_000n,
    maxAmount: 2_000_000n,
    dailyLimit: 10_000_000n,
    monthlyLimit: null,
    dailyCountLimit: 20,
    ...overrides,
  };
}

describe("requisite form schema", () => {
  const exponentOf = (code: string) => (code === "RUB" ? 2 : undefined);
  const form = {
    type: "card",
    bankId: "1",
    currency: "RUB",
    number: "",
    holder: "Ivan  Petrov",
    minAmount: "500",
    maxAmount: "20 000,50",
    dailyLimit: "100 000",
    monthlyLimit: "",
    dailyCountLimit: "",
  };

  it("reads amounts as typed in Russian exactly and normalises the number", () => {
    const card = testCardNumber(7);
    const parsed = newRequisiteSchema(exponentOf, "ru").parse({ ...form, number: card.replace(/(\d{4})/g, "$1 ") });
    expect(parsed).toMatchObject({ type: "card", bankId: 1, number: card, holder: "Ivan Petrov", minAmount: 50_000n, maxAmount: 2_000_050n, dailyLimit: 10_000_000n, monthlyLimit: null, dailyCountLimit: null });
    expect(newRequisiteSchema(exponentOf, "ru").parse({ ...form, type: "sbp", number: "8 (916) 123-45-67" }).number).toBe("+79161234567");
  });

  it("reports every mistake at once, each on its field, as message keys", () => {
    const result = newRequisiteSchema(exponentOf, "en").safeParse({
      ...form,
      number: "2200 0000 0000 0001", // fails the Luhn check
      holder: "1",
      bankId: "",
      minAmount: "300",
      maxAmount: "200",
      dailyLimit: "100",
      monthlyLimit: "50",
      dailyCountLimit: "0",
    });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(errors).toEqual({
      bankId: "trader.requisites.errors.bank",
      number: "trader.requisites.errors.cardNumber",
      holder: "trader.requisites.errors.holder",
      maxAmount: "trader.requisites.errors.maxBelowMin",
      dailyLimit: "trader.requisites.errors.dailyBelowMax",
      monthlyLimit: "trader.requisites.errors.monthlyBelowDaily",
      dailyCountLimit: "trader.requisites.errors.countInvalid",
    });
  });

  it("refuses more decimals than the currency has, and an unknown currency", () => {
    const limits = requisiteLimitsSchema(2, "en").safeParse({ minAmount: "1.005", maxAmount: "abc", dailyLimit: "", monthlyLimit: "", dailyCountLimit: "" });
    expect(result(limits)).toEqual({
      minAmount: "trader.requisites.errors.amountDecimals",
      maxAmount: "trader.requisites.errors.amountFormat",
      dailyLimit: "trader.requisites.errors.required",
    });
    expect(result(newRequisiteSchema(exponentOf, "en").safeParse({ ...form, number: testCardNumber(8), currency: "XYZ" }))).toEqual({ currency: "trader.requisites.errors.currency" });
  });

  function result(parsed: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
    return Object.fromEntries((parsed.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
  }
});

describe("adding a requisite", () => {
  it("stores the number and holder in details, its limits, and an audit row in the same transaction", async () => {
    const { trader, actor } = await traderWithRequisite(currencies);
    const input = newCard();
    const created = await addTraderRequisite(trader.id, input, actor);

    const row = await prisma.reqTrader.findUniqueOrThrow({ where: { id: created.id }, include: { settings: true, paymentMethod: true } });
    expect(row).toMatchObject({ traderId: trader.id, type: "card", bankId: banks.sber.id, status: "active", details: { number: input.number, holder: "ANNA K." } });
    expect(row.paymentMethod?.code).toBe("card");
    expect(row.settings).toMatchObject({ currencyId: currencies.RUB.id, minAmount: 50_000n, maxAmount: 2_000_000n, dailyLimit: 10_000_000n, monthlyLimit: null, dailyCountLimit: 20 });

    const [audit] = await auditRows(created.id);
    expect(audit).toMatchObject({ userId: actor.userId, actorType: "user", action: "requisite.created", oldValues: null });
    expect(audit.newValues).toMatchObject({ traderId: trader.id, numberLast4: input.number.slice(-4), minAmount: "50000", dailyLimit: "10000000" });
    expect(JSON.stringify(audit.newValues)).not.toContain(input.number);
  });

  it("refuses the same number twice for one trader and writes nothing", async () => {
    const { trader, actor } = await traderWithRequisite(currencies);
    const input = newCard();
    await addTraderRequisite(trader.id, input, actor);
    const before = await prisma.reqTrader.count({ where: { traderId: trader.id } });
    await expectDomainError(addTraderRequisite(trader.id, { ...input, holder: "OTHER" }, actor), "duplicate_requisite");
    expect(await prisma.reqTrader.count({ where: { traderId: trader.id } })).toBe(before);
  });

  it("refuses an inactive bank", async () => {
    const { trader, actor } = await traderWithRequisite(currencies);
    const bank = await prisma.bank.create({ data: { code: `closed-${Date.now()}`, name: "Closed Bank", isActive: false } });
    await expectDomainError(addTraderRequisite(trader.id, newCard({ bankId: bank.id }), actor), "unknown_bank");
  });
});

describe("switching a requisite on and off", () => {
  it("records the old and new status; switching to the same status writes nothing", async () => {
    const { trader, requisite, actor } = await traderWithRequisite(currencies);
    expect(await setRequisiteStatus(trader.id, requisite.id, "inactive", actor)).toBe(true);
    expect(await setRequisiteStatus(trader.id, requisite.id, "inactive", actor)).toBe(false);
    expect(await setRequisiteStatus(trader.id, requisite.id, "active", actor)).toBe(true);
    expect((await prisma.reqTrader.findUniqueOrThrow({ where: { id: requisite.id } })).status).toBe("active");
    const audits = await auditRows(requisite.id);
    expect(audits.map((a) => [a.action, a.oldValues, a.newValues])).toEqual([
      ["requisite.status_changed", { status: "active" }, { status: "inactive" }],
      ["requisite.status_changed", { status: "inactive" }, { status: "active" }],
    ]);
  });

  it("treats another trader's requisite as not found and changes nothing", async () => {
    const owner = await traderWithRequisite(currencies);
    const intruder = await traderWithRequisite(currencies);
    await expectDomainError(setRequisiteStatus(intruder.trader.id, owner.requisite.id, "inactive", intruder.actor), "requisite_not_found");
    expect((await prisma.reqTrader.findUniqueOrThrow({ where: { id: owner.requisite.id } })).status).toBe("active");
    expect(await auditRows(owner.requisite.id)).toEqual([]);
  });

  it("leaves a requisite the platform blocked as it is", async () => {
    const { trader, requisite, actor } = await traderWithRequisite(currencies, { requisite: { status: "blocked" } });
    await expectDomainError(setRequisiteStatus(trader.id, requisite.id, "active", actor), "requisite_blocked");
    await expectDomainError(updateRequisiteLimits(trader.id, requisite.id, { minAmount: 1n, maxAmount: 2n, dailyLimit: 3n, monthlyLimit: null, dailyCountLimit: null }, actor), "requisite_blocked");
    expect((await prisma.reqTrader.findUniqueOrThrow({ where: { id: requisite.id } })).status).toBe("blocked");
    expect(await auditRows(requisite.id)).toEqual([]);
  });
});

describe("editing limits", () => {
  it("updates the limits and audits only the fields that changed", async () => {
    const { trader, requisite, actor } = await traderWithRequisite(currencies, { requisite: { minAmount: 10_000n, maxAmount: 100_000n, dailyLimit: 1_000_000n } });
    const limits = { minAmount: 10_000n, maxAmount: 200_000n, dailyLimit: 1_000_000n, monthlyLimit: 20_000_000n, dailyCountLimit: null };
    expect(await updateRequisiteLimits(trader.id, requisite.id, limits, actor)).toBe(true);
    expect(await updateRequisiteLimits(trader.id, requisite.id, limits, actor)).toBe(false);

    expect(await prisma.fullRequisitesSettings.findUniqueOrThrow({ where: { reqId: requisite.id } })).toMatchObject({ maxAmount: 200_000n, monthlyLimit: 20_000_000n });
    const audits = await auditRows(requisite.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "requisite.limits_updated", oldValues: { maxAmount: "100000", monthlyLimit: null }, newValues: { maxAmount: "200000", monthlyLimit: "20000000" } });
  });

  it("treats another trader's requisite as not found and changes nothing", async () => {
    const owner = await traderWithRequisite(currencies);
    const intruder = await traderWithRequisite(currencies);
    const before = await prisma.fullRequisitesSettings.findUniqueOrThrow({ where: { reqId: owner.requisite.id } });
    await expectDomainError(
      updateRequisiteLimits(intruder.trader.id, owner.requisite.id, { minAmount: 1n, maxAmount: 1n, dailyLimit: 1n, monthlyLimit: null, dailyCountLimit: null }, intruder.actor),
      "requisite_not_found",
    );
    expect(await prisma.fullRequisitesSettings.findUniqueOrThrow({ where: { reqId: owner.requisite.id } })).toEqual(before);
    expect(await auditRows(owner.requisite.id)).toEqual([]);
  });
});

describe("usage against limits", () => {
  it("counts today's open and completed orders like matching does, and the open ones against the maximum", async () => {
    const now = new Date();
    const yesterday = new Date(now.getTime() - 24 * 3600 * 1000);
    const store = await createStore(prisma);
    const { trader, requisite } = await traderWithRequisite(currencies, { requisite: { monthlyLimit: 900_000_000n, dailyCountLimit: 10 } });
    const other = await traderWithRequisite(currencies);

    await matchedPayin(currencies, store, requisite, 100_000n, now); // open
    await completePayinOrder(prisma, await matchedPayin(currencies, store, requisite, 200_000n, now)); // completed today
    await releaseOrder(prisma, await matchedPayin(currencies, store, requisite, 400_000n, now), "expired"); // released: not counted
    await completePayinOrder(prisma, await matchedPayin(currencies, store, requisite, 800_000n, yesterday), { at: yesterday }); // yesterday
    await matchedPayin(currencies, store, other.requisite, 1_600_000n, now); // another trader's

    const { requisites, maxOpenOrders } = await listTraderRequisites(trader.id, now);
    expect(maxOpenOrders).toBe(3);
    expect(requisites.map((r) => r.id)).toEqual([requisite.id]);
    const sameMonth = yesterday.getUTCMonth() === now.getUTCMonth();
    expect(requisites[0].usage).toEqual({ usedToday: "300000", countToday: 2, usedThisMonth: sameMonth ? "1100000" : "300000", openOrders: 1 });
    expect(requisites[0]).toMatchObject({ maskedNumber: expect.stringMatching(/^•••• \d{4}$/), limits: { monthlyLimit: "900000000", dailyCountLimit: 10 } });
  });
});
