import "server-only";
import { prisma } from "@/lib/db/client";
import { SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";

/** One balance, JSON-safe: minor units as strings. */
export interface TraderBalance {
  currencyCode: string;
  exponent: number;
  available: string;
  held: string;
}

export interface TraderBalances {
  /** The USDT deposit; zero when the trader has never been credited. */
  usdt: TraderBalance;
  /** Fiat received per currency (turnover), from balance_trader_fiat. */
  fiat: TraderBalance[];
}

/** The trader's USDT deposit (available and held) and fiat turnover: a few primary-key-sized reads. */
export async function getTraderBalances(traderId: number): Promise<TraderBalances> {
  const [crypto, fiat, settlement] = await Promise.all([
    prisma.balanceTraderCrypto.findFirst({
      where: { traderId, currency: { code: SETTLEMENT_CURRENCY } },
      select: { amount: true, held: true },
    }),
    prisma.balanceTraderFiat.findMany({
      where: { traderId },
      orderBy: { currencyId: "asc" },
      select: { amount: true, held: true, currency: { select: { code: true, exponent: true } } },
    }),
    prisma.currency.findUnique({ where: { code: SETTLEMENT_CURRENCY }, select: { exponent: true } }),
  ]);
  return {
    usdt: {
      currencyCode: SETTLEMENT_CURRENCY,
      exponent: settlement?.exponent ?? 6,
      available: (crypto?.amount ?? 0n).toString(),
      held: (crypto?.held ?? 0n).toString(),
    },
    fiat: fiat.map((b) => ({ currencyCode: b.currency.code, exponent: b.currency.exponent, available: b.amount.toString(), held: b.held.toString() })),
  };
}
