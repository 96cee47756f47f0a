// req_trader.traffic_priority is the trader's traffic priority, copied by triggers (migration
// 20261205040000) for the index requisite selection walks: it follows the trader on insert,
// on every change of the trader's priority, and cannot be set to anything else.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createRequisite, createTrader } from "@/lib/testing";
import { setupReference, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;
beforeAll(async () => {
  ({ currencies } = await setupReference());
});

const copies = async (traderId: number) =>
  (await prisma.reqTrader.findMany({ where: { traderId }, orderBy: { id: "asc" } })).map((r) => r.trafficPriority);

describe("the requisite's copy of its trader's priority", () => {
  it("is the trader's on insert, follows every change, and cannot be set apart", async () => {
    const trader = await createTrader(prisma, { trafficPriority: 7 });
    await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
    await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
    expect(await copies(trader.id)).toEqual([7, 7]);

    await prisma.trader.update({ where: { id: trader.id }, data: { trafficPriority: 12 } });
    expect(await copies(trader.id)).toEqual([12, 12]);

    await prisma.$executeRaw`UPDATE req_trader SET traffic_priority = 99 WHERE trader_id = ${trader.id}`;
    expect(await copies(trader.id)).toEqual([12, 12]);
  });

  it("has an index in the order requisite selection reads them (no sort needed)", async () => {
    // This test database is too small for the planner to prefer any index; forbidding the sort
    // shows whether one gives the order.
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_sort = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT r.id FROM req_trader r WHERE r.status = 'active' ORDER BY r.traffic_priority DESC, r.last_used_at ASC NULLS FIRST, r.id LIMIT 1`,
      );
    });
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("req_trader_match_order_idx");
    expect(text).not.toMatch(/\bSort\b/);
  });
});
