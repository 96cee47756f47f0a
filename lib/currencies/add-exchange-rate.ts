import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { settlementCurrency } from "./settlement-currency";
import { rateSchema } from "@/lib/validation/schemas";
import { parseInput } from "@/lib/validation/messages";

export const exchangeRateSchema = z.object({
  currencyId: z.number().int().positive(),
  /** Units of the fiat currency per 1 USDT, as an exact decimal ("92.5"). */
  rate: rateSchema,
});

export type ExchangeRateInput = z.input<typeof exchangeRateSchema>;

/**
 * Adds an exchange_rates row (fiat per USDT, source "manual"): from now on it is the current
 * rate of that currency for new matches (lib/currencies/current-rate.ts reads the newest row).
 * Audited with the rate it replaces.
 */
export async function addExchangeRate(input: ExchangeRateInput, actor: Actor): Promise<{ id: bigint; rate: string }> {
  const { currencyId, rate } = parseInput(exchangeRateSchema, input);
  return runTransaction(async (tx) => {
    const adminId = await assertAdmin(tx, actor);
    const [currency, settlement] = await Promise.all([
      tx.currency.findUnique({ where: { id: currencyId }, select: { id: true, code: true, kind: true } }),
      settlementCurrency(tx),
    ]);
    if (!currency) throw new DomainError("currency_not_found");
    if (currency.kind !== "fiat") throw new DomainError("not_fiat", undefined, { param: "currencyId" });
    const pair = { baseCurrencyId: currency.id, quoteCurrencyId: settlement.id };
    const previous = await tx.exchangeRate.findFirst({ where: pair, orderBy: { createdAt: "desc" }, select: { rate: true } });
    const row = await tx.exchangeRate.create({ data: { ...pair, rate, source: "manual", createdById: adminId }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "exchange_rate_added",
      entityType: "currency",
      entityId: currency.id,
      oldValues: { rate: previous?.rate.toString() ?? null },
      newValues: { rate, pair: `${currency.code}/${settlement.code}`, exchangeRateId: row.id },
    });
    return { id: row.id, rate };
  });
}
