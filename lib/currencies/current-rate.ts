import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { Settings } from "@/lib/settings/read-settings";

/**
 * Fiat per 1 USDT for `currency`: the newest exchange_rates row, else the manual rate in
 * configuration_settings (`rates.manual`). The order fixes it at match time. A currency read
 * in this transaction with its newest rate (findOrderCurrencies: `latestRate`, null for none)
 * needs no query.
 */
export async function currentRate(
  tx: Tx,
  currency: { id: number; code: string; latestRate?: string | null },
  settlementCurrencyId: number,
  settings: Settings,
): Promise<string> {
  const latest =
    currency.latestRate !== undefined
      ? currency.latestRate
      : (
          await tx.exchangeRate.findFirst({
            where: { baseCurrencyId: currency.id, quoteCurrencyId: settlementCurrencyId },
            orderBy: { createdAt: "desc" },
            select: { rate: true },
          })
        )?.rate.toString();
  const rate = latest ?? settings["rates.manual"][currency.code];
  if (!rate) throw new DomainError("rate_unavailable", `No ${currency.code}/USDT rate is configured.`, { param: "currency" });
  return rate;
}
