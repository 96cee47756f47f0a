import type { Db } from "./db";

/** The two currencies the platform starts with; exponents fix the minor unit (kopeck, micro-USDT). */
export const CURRENCIES = {
  RUB: { code: "RUB", name: "Russian ruble", kind: "fiat", exponent: 2 },
  USDT: { code: "USDT", name: "Tether USD", kind: "crypto", exponent: 6 },
} as const;

export const PAYMENT_METHODS = [
  { code: "card", name: "Bank card" },
  { code: "sbp", name: "SBP (Faster Payments)" },
] as const;

export const BANKS = [
  { code: "sber", name: "Sberbank" },
  { code: "tinkoff", name: "T-Bank (Tinkoff)" },
  { code: "alfa", name: "Alfa-Bank" },
  { code: "vtb", name: "VTB" },
  { code: "raiffeisen", name: "Raiffeisenbank" },
  { code: "gazprombank", name: "Gazprombank" },
] as const;

export type CurrencyCode = keyof typeof CURRENCIES;
export type CurrencyRow = Awaited<ReturnType<typeof ensureCurrencies>>[CurrencyCode];

/** RUB and USDT, created when missing (existing rows are left as they are). */
export async function ensureCurrencies(db: Db) {
  await db.currency.createMany({ data: Object.values(CURRENCIES).map((c) => ({ ...c })), skipDuplicates: true });
  const rows = await db.currency.findMany({ where: { code: { in: Object.keys(CURRENCIES) } } });
  const byCode = (code: CurrencyCode) => rows.find((row) => row.code === code)!;
  return { RUB: byCode("RUB"), USDT: byCode("USDT") };
}

export async function ensurePaymentMethods(db: Db) {
  await db.paymentMethod.createMany({ data: PAYMENT_METHODS.map((m) => ({ ...m })), skipDuplicates: true });
  const rows = await db.paymentMethod.findMany({ where: { code: { in: PAYMENT_METHODS.map((m) => m.code) } } });
  return Object.fromEntries(rows.map((row) => [row.code, row])) as Record<(typeof PAYMENT_METHODS)[number]["code"], (typeof rows)[number]>;
}

export async function ensureBanks(db: Db) {
  await db.bank.createMany({ data: BANKS.map((b) => ({ ...b })), skipDuplicates: true });
  const rows = await db.bank.findMany({ where: { code: { in: BANKS.map((b) => b.code) } } });
  return Object.fromEntries(rows.map((row) => [row.code, row])) as Record<(typeof BANKS)[number]["code"], (typeof rows)[number]>;
}

/** A rate row: `rate` units of `base` per 1 unit of `quote` (e.g. 92.50 RUB per USDT). */
export function createExchangeRate(
  db: Db,
  input: { baseCurrencyId: number; quoteCurrencyId: number; rate: string; source?: string; createdAt?: Date; createdById?: number | null },
) {
  return db.exchangeRate.create({
    data: {
      baseCurrencyId: input.baseCurrencyId,
      quoteCurrencyId: input.quoteCurrencyId,
      rate: input.rate,
      source: input.source ?? "manual",
      createdById: input.createdById ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}
