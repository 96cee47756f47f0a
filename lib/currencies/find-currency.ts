import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

export const SETTLEMENT_CURRENCY = "USDT";

export async function findCurrency(tx: Tx, code: string, param = "currency") {
  const currency = await tx.currency.findUnique({ where: { code: code.toUpperCase() } });
  if (!currency || !currency.isActive) {
    throw new DomainError("unsupported_currency", `Currency ${code} is not supported.`, { param });
  }
  return currency;
}

/**
 * The order's currency, with its newest rate to USDT (`latestRate`, null when there is none:
 * see currentRate), and the settlement currency (USDT), in one query.
 */
export async function findOrderCurrencies(tx: Tx, code: string) {
  const wanted = code.toUpperCase();
  const rows = await tx.currency.findMany({
    where: { code: { in: [wanted, SETTLEMENT_CURRENCY] }, isActive: true },
    include: { ratesAsBase: { where: { quoteCurrency: { code: SETTLEMENT_CURRENCY } }, orderBy: { createdAt: "desc" }, take: 1, select: { rate: true } } },
  });
  const found = rows.find((c) => c.code === wanted);
  const { ratesAsBase, ...rest } = found ?? { ratesAsBase: [] };
  const currency = found ? { ...(rest as Omit<typeof found, "ratesAsBase">), latestRate: ratesAsBase[0]?.rate.toString() ?? null } : undefined;
  const settlement = rows.find((c) => c.code === SETTLEMENT_CURRENCY);
  if (!currency || currency.kind !== "fiat") {
    throw new DomainError("unsupported_currency", `Currency ${code} is not supported for orders.`, { param: "currency" });
  }
  if (!settlement) throw new Error("The settlement currency USDT is missing");
  return { currency, settlement };
}
