import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { postMovements } from "@/lib/ledger/post-movements";
import { expectDomainError } from "@/lib/testing/assertions";
import type { Actor } from "@/lib/audit/record-audit";
import { createPayin } from "@/lib/orders/create-payin";
import { createRequisite, createStore, createTeamlead, createTrader } from "@/lib/testing";
import { setupReference, type Currencies } from "@/lib/testing/fixtures";
import { setTraderTraffic } from "./set-trader-traffic";

let currencies: Currencies;

beforeAll(async () => {
  ({ currencies } = await setupReference());
});

async function teamWithTrader(trader: Parameters<typeof createTrader>[1] = {}) {
  const lead = await createTeamlead(prisma);
  const member = await createTrader(prisma, { teamLeadId: lead.profile.id, ...trader });
  return { lead, member, actor: { type: "user", userId: lead.user.id } satisfies Actor };
}

const flag = async (traderId: number) => (await prisma.trader.findUniqueOrThrow({ where: { id: traderId } })).isTrafficEnabledByTeamlead;

describe("setTraderTraffic", () => {
  it("switches the teamlead's own trader and writes an audit row with old and new values", async () => {
    const { member, actor } = await teamWithTrader();
    expect(await setTraderTraffic({ traderId: member.id, enabled: false, actor })).toEqual({ traderId: member.id, enabled: false, changed: true });
    expect(await flag(member.id)).toBe(false);
    const audit = await prisma.auditLog.findMany({ where: { entityType: "trader", entityId: String(member.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "trader.traffic",
      userId: actor.userId,
      actorType: "user",
      oldValues: { isTrafficEnabledByTeamlead: true },
      newValues: { isTrafficEnabledByTeamlead: false },
    });

    // The same position again changes and records nothing.
    expect(await setTraderTraffic({ traderId: member.id, enabled: false, actor })).toMatchObject({ changed: false });
    expect(await prisma.auditLog.count({ where: { entityType: "trader", entityId: String(member.id) } })).toBe(1);

    await setTraderTraffic({ traderId: member.id, enabled: true, actor });
    expect(await flag(member.id)).toBe(true);
  });

  it("refuses another team's trader, a trader without a team and an unknown one — unchanged, no audit", async () => {
    const mine = await teamWithTrader();
    const theirs = await teamWithTrader();
    const loner = await createTrader(prisma, {});
    for (const traderId of [theirs.member.id, loner.id, 987_654]) {
      await expectDomainError(setTraderTraffic({ traderId, enabled: false, actor: mine.actor }), "trader_not_found");
    }
    await expectDomainError(setTraderTraffic({ traderId: mine.member.id, enabled: false, actor: { type: "system" } }), "trader_not_found");
    expect(await flag(theirs.member.id)).toBe(true);
    expect(await flag(loner.id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { entityType: "trader", entityId: { in: [String(theirs.member.id), String(loner.id)] } } })).toBe(0);
  });

  it("refuses a deactivated teamlead", async () => {
    const { lead, member, actor } = await teamWithTrader();
    await prisma.user.update({ where: { id: lead.user.id }, data: { isActive: false } });
    await expectDomainError(setTraderTraffic({ traderId: member.id, enabled: false, actor }), "trader_not_found");
    expect(await flag(member.id)).toBe(true);
  });

  it("takes effect for the very next order: matching skips the switched-off trader", async () => {
    const store = await createStore(prisma);
    const { member: first, actor, lead } = await teamWithTrader({ trafficPriority: 10 });
    const second = await createTrader(prisma, { teamLeadId: lead.profile.id, trafficPriority: 1 });
    // Only these two requisites accept this amount range.
    for (const trader of [first, second]) {
      await prisma.$transaction((tx) =>
        postMovements(tx, [{ account: { kind: "trader_crypto", traderId: trader.id, currencyId: currencies.USDT.id }, delta: 10_000_000_000n, reason: "deposit_credit" }]),
      );
      await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id, minAmount: 12_300_000n, maxAmount: 12_400_000n });
    }
    const payin = (n: number) => createPayin(store, { amount: 12_345_600n + BigInt(n), currency: "RUB", customerId: `tl-${n}`, merchantOrderId: `tl-${n}` }, { type: "merchant_api" });

    expect((await payin(1)).traderId).toBe(first.id);
    await setTraderTraffic({ traderId: first.id, enabled: false, actor });
    expect((await payin(2)).traderId).toBe(second.id);
    await setTraderTraffic({ traderId: first.id, enabled: true, actor });
    expect((await payin(3)).traderId).toBe(first.id);
  });
});
