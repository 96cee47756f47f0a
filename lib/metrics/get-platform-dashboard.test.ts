import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { createStore, createTeamlead, createTrader, createUser } from "@/lib/testing";
import { setupAdminCabinet, type AdminActor, type Currencies } from "@/lib/testing/fixtures";
import { bucketStarts, getPlatformDashboard } from "./get-platform-dashboard";

const NOW = new Date("2026-05-20T10:00:00Z"); // a Wednesday
let admin: AdminActor;
let currencies: Currencies;
let stores: { id: number; name: string }[];
let team: Awaited<ReturnType<typeof createTeamlead>>;
let teamTrader: number;
let loneTrader: number;

async function metric(day: string, storeId: number, traderId: number, row: { created?: number; completed?: number; failed?: number; volume?: bigint; profit?: bigint; fiat?: bigint }) {
  await prisma.dailyMetric.create({
    data: {
      day: new Date(`${day}T00:00:00Z`),
      storeId,
      traderId,
      currencyId: currencies.RUB.id,
      type: "payin",
      createdCount: row.created ?? 0,
      completedCount: row.completed ?? 0,
      failedCount: row.failed ?? 0,
      completedAmount: row.fiat ?? 0n,
      completedCrypto: row.volume ?? 0n,
      platformProfit: row.profit ?? 0n,
    },
  });
}

beforeAll(async () => {
  ({ admin, currencies } = await setupAdminCabinet());
  stores = [await createStore(prisma, { name: "Alpha shop" }), await createStore(prisma, { name: "Beta shop" })];
  team = await createTeamlead(prisma, { username: "team-north" });
  teamTrader = (await createTrader(prisma, { teamLeadId: team.profile.id })).id;
  loneTrader = (await createTrader(prisma)).id;

  await metric("2026-05-20", stores[0].id, teamTrader, { created: 10, completed: 8, failed: 1, volume: 800_000_000n, profit: 8_000_000n, fiat: 7_400_000_000n });
  await metric("2026-05-18", stores[1].id, loneTrader, { created: 4, completed: 2, volume: 100_000_000n, profit: 1_000_000n, fiat: 925_000_000n });
  await metric("2026-05-18", stores[1].id, 0, { created: 3, failed: 3 });
  await metric("2026-05-10", stores[0].id, teamTrader, { created: 5, completed: 5, volume: 500_000_000n, profit: 5_000_000n, fiat: 4_625_000_000n });
  // Outside the 30-day window of "day", inside "month".
  await metric("2026-03-01", stores[0].id, teamTrader, { created: 100, completed: 90, volume: 9_000_000_000n, profit: 90_000_000n, fiat: 1n });

  // Failure reasons come from daily_failure_reasons (refreshDailyMetrics' own test checks how
  // they are counted); the one on 2026-03-01 is outside the 30-day window of "day".
  for (const [day, storeId, status, reason, count] of [
    ["2026-05-19", stores[0].id, "failed", "no_requisite_available", 1],
    ["2026-05-18", stores[1].id, "failed", "no_requisite_available", 1],
    ["2026-05-17", stores[0].id, "failed", "rate_unavailable", 1],
    ["2026-05-19", stores[0].id, "expired", "", 1],
    ["2026-05-20", stores[0].id, "cancelled", "merchant_api", 1],
    ["2026-03-01", stores[0].id, "failed", "old_reason", 5],
  ] as const) {
    await prisma.dailyFailureReason.create({ data: { day: new Date(`${day}T00:00:00Z`), storeId, status, reason, count } });
  }
});

describe("bucketStarts", () => {
  it("ends with the bucket holding today; weeks start on Monday", () => {
    expect(bucketStarts("day", NOW, 3)).toEqual(["2026-05-18", "2026-05-19", "2026-05-20"]);
    expect(bucketStarts("week", NOW, 2)).toEqual(["2026-05-11", "2026-05-18"]);
    expect(bucketStarts("month", NOW, 3)).toEqual(["2026-03-01", "2026-04-01", "2026-05-01"]);
    expect(bucketStarts("month", new Date("2026-01-31T00:00:00Z"), 2)).toEqual(["2025-12-01", "2026-01-01"]);
  });
});

describe("getPlatformDashboard", () => {
  it("sums daily_metrics per day with totals and breakdowns by currency, store and team", async () => {
    const d = await getPlatformDashboard(admin.userId, "day", NOW);
    expect([d.from, d.to, d.series.length]).toEqual(["2026-04-21", "2026-05-20", 30]);
    expect(d.totals).toMatchObject({ created: 22, completed: 15, failed: 4, volume: 1_400_000_000n, profit: 14_000_000n });
    expect(d.series.at(-1)).toEqual({ start: "2026-05-20", created: 10, completed: 8, failed: 1, volume: 800_000_000n, profit: 8_000_000n });
    expect(d.series.find((b) => b.start === "2026-05-19")).toMatchObject({ created: 0, volume: 0n });
    expect(d.byCurrency).toEqual([expect.objectContaining({ code: "RUB", exponent: 2, created: 22, fiatVolume: 12_950_000_000n, volume: 1_400_000_000n })]);
    expect(d.byStore.map((s) => [s.label, s.created, s.volume])).toEqual([
      ["Alpha shop", 15, 1_300_000_000n],
      ["Beta shop", 7, 100_000_000n],
    ]);
    expect(d.byTeam.map((t) => [t.label, t.created, t.completed])).toEqual([
      ["team-north", 15, 13],
      [null, 7, 2],
    ]);
  });

  it("groups by week and by month", async () => {
    const weeks = await getPlatformDashboard(admin.userId, "week", NOW);
    expect(weeks.series.slice(-2).map((b) => [b.start, b.created])).toEqual([
      ["2026-05-11", 0],
      ["2026-05-18", 17],
    ]);
    expect(weeks.series.find((b) => b.start === "2026-05-04")).toMatchObject({ created: 5 });
    const months = await getPlatformDashboard(admin.userId, "month", NOW);
    expect(months.series.length).toBe(12);
    expect(months.series.filter((b) => b.created > 0).map((b) => [b.start, b.created])).toEqual([
      ["2026-03-01", 100],
      ["2026-05-01", 22],
    ]);
    expect(months.totals.profit).toBe(104_000_000n);
  });

  it("lists the period's failure reasons, most frequent first", async () => {
    const d = await getPlatformDashboard(admin.userId, "day", NOW);
    expect(d.failureReasons).toEqual([
      { status: "failed", reason: "no_requisite_available", count: 2 },
      { status: "cancelled", reason: "merchant_api", count: 1 },
      { status: "expired", reason: null, count: 1 },
      { status: "failed", reason: "rate_unavailable", count: 1 },
    ]);
    const months = await getPlatformDashboard(admin.userId, "month", NOW);
    expect(months.failureReasons[0]).toEqual({ status: "failed", reason: "old_reason", count: 5 });
    expect(d.openOrders).toBe(0);
  });

  it("refuses anyone but an active admin", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    const error = await getPlatformDashboard(merchant.id, "day", NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
  });
});
