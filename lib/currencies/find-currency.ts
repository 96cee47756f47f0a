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

/** The order's currency and the settlement currency (USDT) in one query. */
export async function findOrderCurrencies(tx: Tx, code: string) {
  const wanted = code.toUpperCase();
  const rows = await tx.currency.findMany({ where: { code: { in: [wanted, SETTLEMENT_CURRENCY] }, isActive: true } });
  const currency = rows.find((c) => c.code === wanted);
  const settlement = rows.find((c) => c.code === SETTLEMENT_CURRENCY);
  if (!currency || currency.kind !== "fiat") {
    throw new DomainError("unsupported_currency", `Currency ${code} is not supported for orders.`, { param: "currency" });
  }
  if (!settlement) throw new Error("The settlement currency USDT is missing");
  return { currency, settlement };
}
