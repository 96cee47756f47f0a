import "server-only";
import { prisma } from "@/lib/db/client";
import { minorToDecimalString } from "@/lib/money/convert";

/** Available and held balance of a store per currency, in minor units and as decimals. */
export async function getStoreBalances(storeId: number) {
  const rows = await prisma.balanceStore.findMany({ where: { storeId }, include: { currency: true }, orderBy: { currencyId: "asc" } });
  return rows.map((row) => ({
    currency: row.currency.code,
    available: row.amount,
    held: row.held,
    available_decimal: minorToDecimalString(row.amount, row.currency.exponent),
    held_decimal: minorToDecimalString(row.held, row.currency.exponent),
  }));
}
