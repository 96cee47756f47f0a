import { prisma } from "@/lib/db/client";
import { updateStore } from "@/lib/stores/update-store";
import { updateTrader } from "@/lib/traders/update-trader";
import { createExchangeRate, creditTraderDeposit } from "@/lib/testing";
import { adminActor } from "@/lib/testing/actors";
import type { Op } from "./ops";
import type { SimState } from "./state";

type WorldOp = Extract<Op, { kind: "heartbeat" | "top_up" | "edit_commission" | "new_rate" }>;

/**
 * What happens around the orders: traders opening their cabinet, deposits topped up, an admin
 * editing commissions and rewards (refused when a store's commission would fall below a reward)
 * and the rate moving — so that snapshots and limits are tested across changes.
 */
export async function runWorldOp(op: WorldOp, state: SimState): Promise<unknown> {
  const { world, now } = state;
  switch (op.kind) {
    case "heartbeat":
      return prisma.trader.updateMany({ where: { id: { in: op.traders.map((i) => world.traders[i].id) } }, data: { lastSeenAt: now } });
    case "top_up":
      return creditTraderDeposit(prisma, { traderId: world.traders[op.trader].id, currencyId: world.usdtId, amount: BigInt(op.amount) });
    case "new_rate":
      return createExchangeRate(prisma, { baseCurrencyId: world.rubId, quoteCurrencyId: world.usdtId, rate: op.rate });
    case "edit_commission": {
      const admin = adminActor(world.adminId);
      if (op.target === "store") {
        const store = world.stores[op.index];
        await updateStore({ storeId: store.id, [`${op.direction}Commission`]: op.value }, admin);
        store.commission[op.direction] = op.value;
      } else {
        const trader = world.traders[op.index];
        await updateTrader({ traderId: trader.id, [`${op.direction}Reward`]: op.value }, admin);
        trader.reward[op.direction] = op.value;
      }
      return true;
    }
  }
}
