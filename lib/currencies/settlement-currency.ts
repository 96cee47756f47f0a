import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";

/** The settlement currency (USDT): trader deposits are held in it and rates are quoted against it. */
export function settlementCurrency(db: PrismaClient | Tx = prisma) {
  return db.currency.findUniqueOrThrow({ where: { code: SETTLEMENT_CURRENCY }, select: { id: true, code: true, exponent: true } });
}
