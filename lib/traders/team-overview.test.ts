import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { expectDomainError } from "@/lib/testing/assertions";
import {
  completePayinOrder,
  createPayinOrder,
  createRequisite,
  createStore,
  createTeamlead,
  createTrader,
  createUser,
  creditTraderDeposit,
  ensureCurrencies,
  markOrderPaid,
  matchPayinOrder,
} from "@/lib/testing";
import { getTeamOverview } from "./get-team-overview";
import { getTeamDailySeries, SERIES_DAYS } from "@/lib/metrics/get-team-daily-series";

const NOW = new Date();
const DAY = 24 * 3600_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

let currencies: Awaited<ReturnType<typeof ensureCurrencies>>;
let store: Awaited<ReturnType<typeof createStore>>;

beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
  store = await createStore(prisma);
});

async function member(teamLeadId: number, input: Parameters<typeof createTrader>[1] = {}) {
  const trader = await createTrader(prisma, { teamLeadId, ...input });
  await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: currencies.USDT.id, amount: 50_000_000_000n });
  const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
  return { trader, requisite };
}

/** A pay-in of `amount` kopecks matched to the requisite now, optionally paid and completed. */
async function payin(requisite: { id: number; traderId: number }, amount: bigint, complete: boolean) {
  const at = NOW;
  const matched = await matchPayinOrder(prisma, await createPayinOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount, createdAt: at }), {
    requisite,
    traderReward: "0.02",
    rate: "92.5",
    at,
  });
  return complete ? completePayinOrder(prisma, await markOrderPaid(prisma, matched)) : matched;
}

describe("teamlead dashboard queries", () => {
  it("shows only the teamlead's own traders with presence, open orders and today's live numbers", async () => {
    const lead = await createTeamlead(prisma);
    const other = await createTeamlead(prisma);
    const busy = await member(lead.profile.id, { trafficPriority: 5, lastSeenAt: new Date(NOW.getTime() - 30_000) });
    const idle = await member(lead.profile.id, { lastSeenAt: new Date(NOW.getTime() - 10 * 60_000), isTrafficEnabledByTeamlead: false });
    const stranger = await member(other.profile.id, { lastSeenAt: NOW });
    const done = await payin(busy.requisite, 185_000n, true);
    await payin(busy.requisite, 92_500n, false);
    await payin(stranger.requisite, 92_500n, true);

    const { traders, usdtExponent } = await getTeamOverview(lead.user.id, NOW);
    expect(usdtExponent).toBe(6);
    expect(traders.map((t) => t.id)).toEqual([busy.trader.id, idle.trader.id]);
    expect(traders[0]).toMatchObject({ online: true, openOrders: 1, isTrafficEnabledByTeamlead: true, today: { taken: 2, completed: 1, volume: done.cryptoAmount } });
    expect(traders[1]).toMatchObject({ online: false, openOrders: 0, isTrafficEnabledByTeamlead: false, today: { taken: 0, completed: 0, volume: 0n } });
    expect(traders[0].usdtAvailable).toBeGreaterThan(0n);
  });

  it("builds 30 days of team numbers: past days from daily_metrics (own traders only), today live", async () => {
    const lead = await createTeamlead(prisma);
    const other = await createTeamlead(prisma);
    const mine = await member(lead.profile.id);
    const theirs = await member(other.profile.id);
    const yesterday = isoDay(new Date(NOW.getTime() - DAY));
    const metric = (traderId: number, created: number, completed: number, crypto: bigint) =>
      prisma.dailyMetric.create({
        data: { day: new Date(`${yesterday}T00:00:00Z`), storeId: store.id, traderId, currencyId: currencies.RUB.id, type: "payin", createdCount: created, completedCount: completed, completedCrypto: crypto },
      });
    await metric(mine.trader.id, 10, 8, 80_000_000n);
    await metric(theirs.trader.id, 99, 99, 990_000_000n);
    const today = await payin(mine.requisite, 185_000n, true);

    const days = await getTeamDailySeries(lead.user.id, NOW);
    expect(days).toHaveLength(SERIES_DAYS);
    expect(days[0].day).toBe(isoDay(new Date(NOW.getTime() - (SERIES_DAYS - 1) * DAY)));
    expect(days.at(-2)).toEqual({ day: yesterday, taken: 10, completed: 8, volume: 80_000_000n });
    expect(days.at(-1)).toEqual({ day: isoDay(NOW), taken: 1, completed: 1, volume: today.cryptoAmount });
    expect(days.slice(0, -2).every((d) => d.taken === 0 && d.volume === 0n)).toBe(true);
  });

  it("refuses anyone but an active teamlead", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    const inactive = await createTeamlead(prisma, { isActive: false });
    for (const userId of [merchant.id, inactive.user.id]) {
      await expectDomainError(getTeamOverview(userId), "teamlead_only");
      await expectDomainError(getTeamDailySeries(userId), "teamlead_only");
    }
  });
});
