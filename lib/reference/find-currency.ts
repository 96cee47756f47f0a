import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";

export const SETTLEMENT_CURRENCY = "USDT";

export async function findCurrency(tx: Tx, code: string, param = "currency") {
  const currency = await tx.currency.findUnique({ where: { code: code.toUpperCase() } });
  if (!currency || !currency.isActive) {
    throw new DomainError("invalid_request", "unsupported_currency", `Currency ${code} is not supported.`, param);
  }
  return currency;
}
