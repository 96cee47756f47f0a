import "server-only";
import { prisma } from "@/lib/db/client";

export interface TraderBalance {
  currencyCode: string;
  exponent: number;
  /** Minor units. */
  available: bigint;
  held: bigint;
}

export interface TraderBalances {
  /** The USDT deposit; zero when the trader has never been credited. */
  usdt: TraderBalance;
  /** Fiat received per currency (turnover), from balance_trader_fiat. */
  fiat: TraderBalance[];
}

const SETTLEMENT_CURRENCY = "USDT";

/** The deposit and fiat turnover of the trader profile that belongs to this user; null if there is none. */
export async function getTraderBalances(traderUserId: number): Promise<TraderBalances | null> {
  const trader = await prisma.trader.findUnique({
    where: { userId: traderUserId },
    select: {
      cryptoBalance: { select: { amount: true, held: true, currency: { select: { code: true, exponent: true } } } },
      fiatBalance: {
        orderBy: { currencyId: "asc" },
        select: { amount: true, held: true, currency: { select: { code: true, exponent: true } } },
      },
    },
  });
  if (!trader) return null;

  const usdtRow = trader.cryptoBalance.find((b) => b.currency.code === SETTLEMENT_CURRENCY);
  const usdtExponent =
    usdtRow?.currency.exponent ??
    (await prisma.currency.findUnique({ where: { code: SETTLEMENT_CURRENCY }, select: { exponent: true } }))?.exponent ??
    6;
  return {
    usdt: {
      currencyCode: SETTLEMENT_CURRENCY,
      exponent: usdtExponent,
      available: usdtRow?.amount ?? 0n,
      held: usdtRow?.held ?? 0n,
    },
    fiat: trader.fiatBalance.map((b) => ({
      currencyCode: b.currency.code,
      exponent: b.currency.exponent,
      available: b.amount,
      held: b.held,
    })),
  };
}
