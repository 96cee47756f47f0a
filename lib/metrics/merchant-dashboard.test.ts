import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore, createUser, ensureCurrencies } from "@/lib/testing";
import { refreshDailyMetrics } from "@/lib/metrics/refresh-daily-metrics";
import { payinWithCallbacks, setupCallbackWorld } from "@/lib/testing/callback-orders";
import { DASHBOARD_DAYS, getMerchantDailySeries, getMerchantToday } from "./get-merchant-dashboard";

const DAY_MS = 24 * 3600 * 1000;
beforeAll(setupCallbackWorld);

describe("merchant dashboard numbers", () => {
  it("sums the merchant's stores per day over 30 days from daily_metrics, and today's orders live", async () => {
    const user = await createUser(prisma, { role: "merchant" });
    const [a, b] = [await createStore(prisma, { userId: user.id }), await createStore(prisma, { userId: user.id })];
    const stranger = await createStore(prisma);
    const { USDT, RUB } = await ensureCurrencies(prisma);

    // Today: two completed pay-ins and one still open, through the engine.
    const done = [await payinWithCallbacks(a, "completed"), await payinWithCallbacks(b, "completed")];
    await payinWithCallbacks(a, "paid");
    await payinWithCallbacks(stranger, "completed");
    await refreshDailyMetrics();

    // Ten days ago, pre-aggregated rows (as the refresh would have left them) for both stores and a stranger.
    const now = new Date();
    const tenDaysAgo = new Date(`${new Date(now.getTime() - 10 * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`);
    const row = (storeId: number, type: "payin" | "payout", completedCrypto: bigint) => ({
      day: tenDaysAgo, storeId, currencyId: RUB.id, type, createdCount: 4, completedCount: 2, completedCrypto, completionSecondsSum: 600n,
    });
    await prisma.dailyMetric.createMany({ data: [row(a.id, "payin", 5_000_000n), row(b.id, "payout", 1_000_000n), row(stranger.id, "payin", 999_000_000n)] });

    const dashboard = { days: await getMerchantDailySeries(user.id, now), today: await getMerchantToday(user.id, now) };
    expect(dashboard.days).toHaveLength(DASHBOARD_DAYS);
    expect(dashboard.days.at(-1)!.day).toBe(now.toISOString().slice(0, 10));
    const past = dashboard.days.find((d) => d.day === tenDaysAgo.toISOString().slice(0, 10))!;
    expect(past).toMatchObject({ createdCount: 8, completedCount: 4, payinTurnover: 5_000_000n, payoutTurnover: 1_000_000n, completionSecondsSum: 1200n });

    const orders = await prisma.incomingOrder.findMany({ where: { id: { in: done.map((d) => d.orderId) } } });
    const turnover = orders.reduce((sum, o) => sum + o.cryptoAmount!, 0n);
    expect(dashboard.days.at(-1)).toMatchObject({ createdCount: 3, completedCount: 2, payinTurnover: turnover, payoutTurnover: 0n });
    expect(dashboard.today).toMatchObject({ createdCount: 3, completedCount: 2, openCount: 1, turnover });
    expect(dashboard.today.completionSecondsSum).toBeGreaterThanOrEqual(0n);
    expect(USDT.exponent).toBe(6);
  });

  it("is all zeros for a merchant without stores", async () => {
    const user = await createUser(prisma, { role: "merchant" });
    const dashboard = { days: await getMerchantDailySeries(user.id), today: await getMerchantToday(user.id) };
    expect(dashboard.today).toEqual({ createdCount: 0, completedCount: 0, openCount: 0, turnover: 0n, completionSecondsSum: 0n });
    expect(dashboard.days.every((d) => d.createdCount === 0 && d.payinTurnover === 0n)).toBe(true);
  });
});
