import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import {
  completePayinOrder,
  createPayinOrder,
  createRequisite,
  createStore,
  createTrader,
  createUser,
  creditTraderDeposit,
  ensureCurrencies,
  matchPayinOrder,
} from "@/lib/testing";
import { sendDailySummaries } from "./send-daily-summaries";
import { conversionPercent } from "./templates/daily-summary";

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
let currencies: Awaited<ReturnType<typeof ensureCurrencies>>;
let requisite: { id: number; traderId: number };

beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
  const trader = await createTrader(prisma);
  await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: currencies.USDT.id, amount: 1_000_000_000_000n, at: at("2026-11-01T00:00:00Z") });
  requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, dailyLimit: 10_000_000_000n, maxAmount: 1_000_000_000n });
});

async function merchant(options: { optIn?: boolean; isActive?: boolean } = {}) {
  const user = await createUser(prisma, { role: "merchant", name: "Mira", isActive: options.isActive ?? true });
  await prisma.user.update({ where: { id: user.id }, data: { dailySummaryOptIn: options.optIn ?? true } });
  const store = await createStore(prisma, { userId: user.id });
  return { user, store };
}

/** A pay-in created at `created`, matched a minute later and completed at `completed` (if given). */
async function payin(store: Awaited<ReturnType<typeof createStore>>, amount: bigint, created: Date, completed?: Date) {
  const order = await createPayinOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount, createdAt: created });
  await matchPayinOrder(prisma, order, { requisite, traderReward: "0.02", rate: "92.5", at: new Date(created.getTime() + MINUTE) });
  if (completed) await completePayinOrder(prisma, order, { at: completed });
}

const summariesTo = (email: string) => prisma.emailOutbox.findMany({ where: { to: email, template: "daily_summary" }, orderBy: { id: "asc" } });

describe("sendDailySummaries", () => {
  it("queues yesterday's numbers (UTC) for an opted-in merchant, once per day", async () => {
    const { user, store } = await merchant();
    await payin(store, 100_000n, at("2026-11-19T10:00:00Z"), at("2026-11-19T10:05:00Z")); // created and completed yesterday
    await payin(store, 250_000n, at("2026-11-19T11:00:00Z")); // created yesterday, still open
    await payin(store, 40_000n, at("2026-11-18T23:50:00Z"), at("2026-11-19T00:10:00Z")); // completed yesterday only
    await payin(store, 70_000n, at("2026-11-19T23:50:00Z"), at("2026-11-20T00:05:00Z")); // created yesterday, completed today
    await payin(store, 90_000n, at("2026-11-20T01:00:00Z"), at("2026-11-20T01:10:00Z")); // today: not in the summary

    const now = at("2026-11-20T06:00:00Z");
    expect(await sendDailySummaries({ now })).toMatchObject({ day: "2026-11-19" });
    const [summary] = await summariesTo(user.email);
    expect(summary).toMatchObject({ status: "queued", subject: "JivaPay daily summary for 2026-11-19", dedupeKey: `daily_summary:${user.id}:2026-11-19` });
    expect(summary.text).toContain("Hello Mira,");
    expect(summary.text).toContain("- Pay-ins RUB: created 3, completed 2, conversion 66.7%, turnover 1,400.00 RUB");
    expect(summary.html).toContain("1,400.00 RUB");

    // Later the same day, or from two sweeps at once: still one summary.
    await Promise.all([sendDailySummaries({ now: new Date(now.getTime() + 60 * MINUTE) }), sendDailySummaries({ now: new Date(now.getTime() + 60 * MINUTE) })]);
    expect(await summariesTo(user.email)).toHaveLength(1);

    // The next day brings the next summary.
    await sendDailySummaries({ now: at("2026-11-21T00:15:00Z") });
    const summaries = await summariesTo(user.email);
    expect(summaries).toHaveLength(2);
    expect(summaries[1].text).toContain("- Pay-ins RUB: created 1, completed 2, conversion 100.0%, turnover 1,600.00 RUB");
  });

  it("says so when there were no orders, and skips merchants who did not opt in or are inactive", async () => {
    const quiet = await merchant();
    const notOptedIn = await merchant({ optIn: false });
    const inactive = await merchant({ isActive: false });
    await sendDailySummaries({ now: at("2026-11-10T08:00:00Z") });
    const [summary] = await summariesTo(quiet.user.email);
    expect(summary.text).toContain("Your stores had no orders on 2026-11-09 (UTC).");
    expect(await summariesTo(notOptedIn.user.email)).toHaveLength(0);
    expect(await summariesTo(inactive.user.email)).toHaveLength(0);
  });
});

describe("conversionPercent", () => {
  it("rounds half up to one decimal and shows a dash without orders", () => {
    expect(conversionPercent(2, 3)).toBe("66.7%");
    expect(conversionPercent(1, 8)).toBe("12.5%");
    expect(conversionPercent(1, 16)).toBe("6.3%");
    expect(conversionPercent(0, 5)).toBe("0.0%");
    expect(conversionPercent(3, 3)).toBe("100.0%");
    expect(conversionPercent(0, 0)).toBe("—");
  });
});
