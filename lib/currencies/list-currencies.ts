import "server-only";
import { prisma } from "@/lib/db/client";
import { readSettings } from "@/lib/settings/read-settings";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { SETTLEMENT_CURRENCY } from "@/lib/currencies/find-currency";

export interface RateRow {
  id: bigint;
  /** Fiat per 1 USDT, exact. */
  rate: string;
  source: string;
  createdAt: Date;
  createdByEmail: string | null;
}

export interface AdminCurrencyRow {
  id: number;
  code: string;
  name: string;
  kind: "fiat" | "crypto";
  exponent: number;
  isActive: boolean;
  isPaused: boolean;
  /** Fiat only: the rate new matches use — the newest exchange_rates row, else rates.manual. */
  currentRate: { rate: string; source: "exchange_rates" | "rates.manual"; createdAt: Date | null } | null;
  /** rates.manual for this code (the fallback when no rate row exists). */
  manualRate: string | null;
  /** The newest rate rows, newest first. */
  recentRates: RateRow[];
}

const RECENT_RATES = 5;

/**
 * Every currency with its switches and, for fiat, its rates against USDT as matching resolves
 * them (lib/currencies/current-rate.ts) — for an active admin. Each currency's rates come from the
 * (base, quote, created_at desc) index, a few rows each.
 */
export async function listCurrencies(adminUserId: number): Promise<AdminCurrencyRow[]> {
  await assertAdmin(prisma, { userId: adminUserId });
  const [currencies, settings] = await Promise.all([prisma.currency.findMany({ orderBy: [{ kind: "asc" }, { code: "asc" }] }), readSettings()]);
  const settlement = currencies.find((c) => c.code === SETTLEMENT_CURRENCY);
  const manual = settings["rates.manual"];
  return Promise.all(
    currencies.map(async (c): Promise<AdminCurrencyRow> => {
      const isFiat = c.kind === "fiat" && settlement !== undefined;
      const rates = isFiat
        ? await prisma.exchangeRate.findMany({
            where: { baseCurrencyId: c.id, quoteCurrencyId: settlement.id },
            orderBy: { createdAt: "desc" },
            take: RECENT_RATES,
            select: { id: true, rate: true, source: true, createdAt: true, createdBy: { select: { email: true } } },
          })
        : [];
      const recentRates = rates.map((r) => ({ id: r.id, rate: r.rate.toString(), source: r.source, createdAt: r.createdAt, createdByEmail: r.createdBy?.email ?? null }));
      const manualRate = manual[c.code] ?? null;
      const newest = recentRates[0];
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        kind: c.kind,
        exponent: c.exponent,
        isActive: c.isActive,
        isPaused: c.isPaused,
        currentRate: !isFiat
          ? null
          : newest
            ? { rate: newest.rate, source: "exchange_rates", createdAt: newest.createdAt }
            : manualRate
              ? { rate: manualRate, source: "rates.manual", createdAt: null }
              : null,
        manualRate,
        recentRates,
      };
    }),
  );
}
