import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { currentRate } from "@/lib/currencies/current-rate";
import { createExchangeRate, createSupport } from "@/lib/testing";
import { addExchangeRate } from "./add-exchange-rate";
import { updateCurrency } from "./update-currency";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { setupAdminCabinet, type AdminActor, type Currencies } from "@/lib/testing/fixtures";

let admin: AdminActor;
let currencies: Currencies;

beforeAll(async () => {
  ({ admin, currencies } = await setupAdminCabinet());
});

describe("updateCurrency", () => {
  it("pauses and resumes a currency, audited", async () => {
    await updateCurrency({ currencyId: currencies.RUB.id, isPaused: true }, admin);
    expect(await prisma.currency.findUniqueOrThrow({ where: { id: currencies.RUB.id } })).toMatchObject({ isPaused: true, isActive: true });
    await updateCurrency({ currencyId: currencies.RUB.id, isPaused: false, isActive: true }, admin);
    const rows = await auditRows("currency", currencies.RUB.id);
    expect(rows.map((r) => [r.action, r.oldValues, r.newValues])).toEqual([
      ["currency_updated", { isPaused: false }, { isPaused: true }],
      ["currency_updated", { isPaused: true }, { isPaused: false }],
    ]);
  });

  it("refuses non-admins and unknown currencies", async () => {
    const support = await createSupport(prisma);
    await expectDomainError(updateCurrency({ currencyId: currencies.RUB.id, isActive: false }, { type: "user", userId: support.user.id }), "admin_only");
    await expectDomainError(updateCurrency({ currencyId: 9999, isActive: false }, admin), "currency_not_found");
    expect((await prisma.currency.findUniqueOrThrow({ where: { id: currencies.RUB.id } })).isActive).toBe(true);
  });
});

describe("addExchangeRate", () => {
  it("adds the new current rate exactly, audited with the rate it replaces", async () => {
    await createExchangeRate(prisma, { baseCurrencyId: currencies.RUB.id, quoteCurrencyId: currencies.USDT.id, rate: "92.5", createdAt: new Date(Date.now() - 60_000) });
    const { id } = await addExchangeRate({ currencyId: currencies.RUB.id, rate: "93,1234567891" }, admin);
    const row = await prisma.exchangeRate.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ source: "manual", createdById: admin.userId, quoteCurrencyId: currencies.USDT.id });
    expect(row.rate.toString()).toBe("93.1234567891");
    const rate = await prisma.$transaction((tx) => currentRate(tx, currencies.RUB, currencies.USDT.id, {} as never));
    expect(rate).toBe("93.1234567891");
    const [audit] = await auditRows("currency", currencies.RUB.id).then((rows) => rows.filter((r) => r.action === "exchange_rate_added"));
    expect(audit).toMatchObject({ oldValues: { rate: "92.5" }, newValues: { rate: "93.1234567891", pair: "RUB/USDT", exchangeRateId: String(id) } });
  });

  it("refuses zero, negative, too precise or non-numeric rates, and crypto currencies", async () => {
    const before = await prisma.exchangeRate.count();
    for (const rate of ["0", "0.0", "-1", "92.12345678901", "1e3", "abc", "123456789012345"]) {
      expect((await expectDomainError(addExchangeRate({ currencyId: currencies.RUB.id, rate }, admin), "invalid_value")).param).toBe("rate");
    }
    await expectDomainError(addExchangeRate({ currencyId: currencies.USDT.id, rate: "1" }, admin), "not_fiat");
    expect(await prisma.exchangeRate.count()).toBe(before);
  });
});
