import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayoutOrder } from "@/lib/testing";
import { acceptPayout } from "@/lib/orders/accept-payout";
import { declinePayout } from "@/lib/orders/decline-payout";
import { listTraderQueue } from "./list-trader-queue";
import { setupReference, storeWithBalance, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;

beforeAll(async () => {
  ({ currencies } = await setupReference());
});

const DESTINATION = { type: "card", number: "2200 7000 1234 5678", holder: "PETR S.", bank: "Alfa-Bank" };

/** A created payout offered to `requisite`'s trader until `expiresAt`, as offerPayout leaves it. */
async function offeredPayout(store: Awaited<ReturnType<typeof storeWithBalance>>, requisite: { id: number; traderId: number }, amount: bigint, expiresAt: Date) {
  const order = await createPayoutOrder(prisma, { store, fiat: currencies.RUB, crypto: currencies.USDT, amount, rate: "92.5", destination: DESTINATION });
  await prisma.incomingOrder.update({
    where: { id: order.id },
    data: { offeredTraderId: requisite.traderId, offeredRequisiteId: requisite.id, offerExpiresAt: expiresAt, nextMatchAt: expiresAt },
  });
  return order;
}

describe("payout offers in the trader's queue", () => {
  it("lists a live offer first, with its deadline and only the destination's kind, bank and last digits; not a lapsed one or another trader's", async () => {
    const store = await storeWithBalance(currencies);
    const { trader, requisite } = await traderWithRequisite(currencies, { requisite: { details: { number: "2200123412341234", holder: "TIMUR K." } } });
    const other = await traderWithRequisite(currencies);
    const soon = new Date(Date.now() + 60_000);
    const offer = await offeredPayout(store, requisite, 200_000n, soon);
    await offeredPayout(store, requisite, 210_000n, new Date(Date.now() - 1000));
    await offeredPayout(store, other.requisite, 220_000n, soon);

    const queue = await listTraderQueue(trader.id);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      id: offer.id,
      type: "payout",
      status: "created",
      amount: "200000",
      offerExpiresAt: soon.toISOString(),
      requisite: { type: "card", maskedNumber: "•••• 1234" },
      destination: { type: "card", bank: "Alfa-Bank", number: "•••• 5678", holder: null },
    });
    expect(JSON.stringify(queue)).not.toContain("7000 1234");
    expect(JSON.stringify(queue)).not.toContain("PETR S.");
  });

  it("shows the full destination once accepted, and drops a declined offer", async () => {
    const store = await storeWithBalance(currencies);
    const { trader, requisite, actor } = await traderWithRequisite(currencies);
    const traderActor = { ...actor, role: "trader" as const };
    const taken = await offeredPayout(store, requisite, 230_000n, new Date(Date.now() + 60_000));
    const refused = await offeredPayout(store, requisite, 240_000n, new Date(Date.now() + 60_000));

    await acceptPayout(taken.id, trader.id, traderActor);
    await declinePayout(refused.id, trader.id, traderActor);

    const queue = await listTraderQueue(trader.id);
    expect(queue.map((o) => o.id)).toEqual([taken.id]);
    expect(queue[0]).toMatchObject({ status: "assigned", offerExpiresAt: null, destination: DESTINATION });
  });
});
