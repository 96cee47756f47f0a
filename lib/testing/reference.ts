import type { Db } from "./db";

// The reference data itself is production code (lib/platform); the factories re-export it.
export { BANKS, CURRENCIES, PAYMENT_METHODS, ensureBanks, ensureCurrencies, ensurePaymentMethods, type CurrencyCode, type CurrencyRow } from "@/lib/platform/reference-data";

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
