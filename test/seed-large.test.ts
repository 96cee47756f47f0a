// `npm run db:seed:large` at a small scale: the generated history is ledger-exact, its numbers
// reach daily_metrics, and merchant ids stay unique.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { seedLargeHistory } from "@/prisma/seed-large";

const ORDERS = 3_000;

describe("large order history", () => {
  let counts: Record<string, number>;
  beforeAll(async () => {
    counts = await seedLargeHistory(process.env.DATABASE_URL!, { orders: ORDERS, days: 30, log: () => {} });
  }, 180_000);

  it("writes the requested number of finished orders, spread over the period", async () => {
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ORDERS);
    expect(await prisma.incomingOrder.count({ where: { merchantOrderId: { startsWith: "large-" } } })).toBe(ORDERS);
    const open = await prisma.incomingOrder.count({ where: { merchantOrderId: { startsWith: "large-" }, status: { notIn: ["completed", "expired", "cancelled", "failed"] } } });
    expect(open).toBe(0);
    const days = await prisma.$queryRaw<{ days: number }[]>`
      SELECT count(DISTINCT date_trunc('day', created_at))::int AS days FROM incoming_orders WHERE merchant_order_id LIKE 'large-%'`;
    expect(days[0].days).toBeGreaterThanOrEqual(29);
  });

  it("keeps every ledger invariant (movements per order sum to zero, chains, balances)", async () => {
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("has daily_metrics that match the orders", async () => {
    const [fromOrders] = await prisma.$queryRaw<{ completed: number; profit: bigint }[]>`
      SELECT count(*) FILTER (WHERE o.status = 'completed')::int AS completed, COALESCE(sum(h.platform_profit), 0)::bigint AS profit
      FROM incoming_orders o LEFT JOIN order_history h ON h.incoming_order_id = o.id AND h.status = 'completed'`;
    const metrics = await prisma.dailyMetric.aggregate({ _sum: { completedCount: true, platformProfit: true } });
    expect(metrics._sum.completedCount).toBe(fromOrders.completed);
    expect(metrics._sum.platformProfit).toBe(fromOrders.profit);
  });
});
