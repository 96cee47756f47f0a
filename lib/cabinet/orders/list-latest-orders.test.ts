import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayinOrder, createStore, createSupport, createUser, ensureCurrencies, type CurrencyRow } from "@/lib/factories";
import { listLatestOrders } from "./list-latest-orders";

let rub: CurrencyRow;
let usdt: CurrencyRow;
beforeAll(async () => {
  ({ RUB: rub, USDT: usdt } = await ensureCurrencies(prisma));
});

async function storeWithOrder(merchantOrderId: string, createdAt: Date) {
  const store = await createStore(prisma);
  const order = await createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: 150_000n, merchantOrderId, createdAt });
  return { store, order };
}

describe("listLatestOrders", () => {
  it("gives a merchant only the orders of their own stores, with the merchant's order id", async () => {
    const own = await storeWithOrder("own-1", new Date("2025-01-01T10:00:00Z"));
    await storeWithOrder("foreign-1", new Date("2025-01-01T11:00:00Z"));

    const rows = await listLatestOrders({ merchantUserId: own.store.userId }, 10);
    expect(rows).toEqual([
      {
        id: own.order.id,
        type: "payin",
        storeName: own.store.name,
        merchantOrderId: "own-1",
        amount: 150_000n,
        currencyCode: "RUB",
        exponent: rub.exponent,
        status: "created",
        createdAt: new Date("2025-01-01T10:00:00Z"),
      },
    ]);
  });

  it("gives an active support user every store's orders, newest first, up to the limit", async () => {
    const older = await storeWithOrder("older", new Date("2025-02-01T10:00:00Z"));
    const newer = await storeWithOrder("newer", new Date("2025-02-02T10:00:00Z"));
    const { user } = await createSupport(prisma);

    const rows = await listLatestOrders({ all: true, supportUserId: user.id }, 200);
    const ids = rows.map((row) => row.id);
    expect(ids).toContain(older.order.id);
    expect(ids.indexOf(newer.order.id)).toBeLessThan(ids.indexOf(older.order.id));
    expect(await listLatestOrders({ all: true, supportUserId: user.id }, 1)).toHaveLength(1);
  });

  it("refuses the every-store scope to anyone but an active support user", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    const inactive = await createSupport(prisma, { isActive: false });
    for (const userId of [merchant.id, inactive.user.id]) {
      await expect(listLatestOrders({ all: true, supportUserId: userId }, 10)).rejects.toMatchObject({ kind: "permission", code: "support_only" });
    }
  });
});
