import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPayinOrder, createPayoutOrder, createStore, createUser, ensureCurrencies, releaseOrder, type CurrencyRow } from "@/lib/testing";
import { postMovements } from "@/lib/ledger/post-movements";
import { listMerchantOrders } from "./list-merchant-orders";
import { decodeTimeCursor } from "@/lib/pagination/keyset";
import { parseOrdersQuery, type OrderFilters } from "./order-filters";

let rub: CurrencyRow;
let usdt: CurrencyRow;
beforeAll(async () => {
  ({ RUB: rub, USDT: usdt } = await ensureCurrencies(prisma));
});

async function merchantWithStores(count: number) {
  const user = await createUser(prisma, { role: "merchant" });
  const stores = [];
  for (let i = 0; i < count; i++) stores.push(await createStore(prisma, { userId: user.id }));
  return { user, stores };
}

function payin(store: Parameters<typeof createPayinOrder>[1]["store"], createdAt: Date, input: { amount?: bigint; merchantOrderId?: string; customerId?: string } = {}) {
  return createPayinOrder(prisma, { store, fiat: rub, crypto: usdt, amount: input.amount ?? 150_000n, createdAt, merchantOrderId: input.merchantOrderId, customerId: input.customerId });
}

/** Every page from the first, following `older`, then back again following `newer`. */
async function walk(userId: number, filters: OrderFilters, pageSize: number) {
  const forward: string[][] = [];
  let page = await listMerchantOrders(userId, { filters }, pageSize);
  forward.push(page.rows.map((r) => r.id));
  while (page.older) {
    page = await listMerchantOrders(userId, { filters, after: decodeTimeCursor(page.older, "order")! }, pageSize);
    forward.push(page.rows.map((r) => r.id));
  }
  const backward: string[][] = [];
  while (page.newer) {
    page = await listMerchantOrders(userId, { filters, before: decodeTimeCursor(page.newer, "order")! }, pageSize);
    backward.push(page.rows.map((r) => r.id));
  }
  return { forward, backward };
}

describe("listMerchantOrders (keyset on created_at, id)", () => {
  it("pages through equal created_at across two stores with no duplicates or skips, both ways", async () => {
    const { user, stores } = await merchantWithStores(2);
    const same = new Date("2025-03-01T12:00:00.000Z");
    const ids: { id: string; createdAt: Date }[] = [];
    // 7 orders at the very same millisecond (spread over both stores) and 4 around them.
    for (let i = 0; i < 7; i++) ids.push({ id: (await payin(stores[i % 2], same)).id, createdAt: same });
    for (const [i, at] of ["2025-03-01T11:00:00Z", "2025-03-01T13:00:00Z", "2025-02-01T00:00:00Z", "2025-04-01T00:00:00Z"].entries()) {
      const date = new Date(at);
      ids.push({ id: (await payin(stores[i % 2], date)).id, createdAt: date });
    }
    const expected = ids
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((o) => o.id);

    for (const pageSize of [1, 2, 3, 4, 11, 50]) {
      const { forward, backward } = await walk(user.id, {}, pageSize);
      expect(forward.flat(), `page size ${pageSize}`).toEqual(expected);
      expect(forward.slice(0, -1).every((p) => p.length === pageSize)).toBe(true);
      // Walking back visits the same pages in reverse (the last page is where we started).
      expect(backward, `page size ${pageSize}`).toEqual(forward.slice(0, -1).reverse());
    }
  });

  it("filters by status, type, store, date range, amount range and exact ids", async () => {
    const { user, stores } = await merchantWithStores(2);
    const [a, b] = stores;
    const day = (d: string) => new Date(`${d}T10:00:00Z`);
    const small = await payin(a, day("2025-05-01"), { amount: 10_000n, merchantOrderId: "shop-small", customerId: "Покупатель-1" });
    const big = await payin(b, day("2025-05-02"), { amount: 900_000n, merchantOrderId: "shop-big" });
    const failed = await releaseOrder(prisma, await payin(a, day("2025-05-03"), { amount: 50_050n }), "failed");
    await prisma.$transaction((tx) => postMovements(tx, [{ account: { kind: "store", storeId: a.id, currencyId: usdt.id }, delta: 100_000_000n, reason: "adjustment" }]));
    const payout = await createPayoutOrder(prisma, { store: a, fiat: rub, crypto: usdt, amount: 20_000n, rate: "92.5", createdAt: day("2025-05-04") });

    const ids = async (filters: OrderFilters) => (await listMerchantOrders(user.id, { filters })).rows.map((r) => r.id);
    expect(await ids({ status: "failed" })).toEqual([failed.id]);
    expect(await ids({ type: "payout" })).toEqual([payout.id]);
    expect(await ids({ storeId: b.id })).toEqual([big.id]);
    expect(await ids(parseOrdersQuery({ from: "2025-05-02", to: "2025-05-03" }).filters)).toEqual([failed.id, big.id]);
    // 500.50 RUB is 50 050 kopecks: both bounds are inclusive.
    expect(await ids(parseOrdersQuery({ min: "200", max: "500.5" }).filters)).toEqual([payout.id, failed.id]);
    expect(await ids(parseOrdersQuery({ min: "100.001" }).filters)).toEqual([payout.id, failed.id, big.id]);
    expect(await ids({ query: "shop-big" })).toEqual([big.id]);
    expect(await ids({ query: small.id })).toEqual([small.id]);
    expect(await ids({ query: "Покупатель-1" })).toEqual([small.id]);
    expect(await ids({ query: "shop" })).toEqual([]);
  });

  it("never shows another merchant's orders, even when their store is asked for by id", async () => {
    const own = await merchantWithStores(1);
    const other = await merchantWithStores(1);
    const foreign = await payin(other.stores[0], new Date("2025-06-01T00:00:00Z"), { merchantOrderId: "foreign-order" });
    await payin(own.stores[0], new Date("2025-06-01T00:00:00Z"));

    expect((await listMerchantOrders(own.user.id, { filters: { storeId: other.stores[0].id } })).rows).toEqual([]);
    expect((await listMerchantOrders(own.user.id, { filters: { query: foreign.id } })).rows).toEqual([]);
    expect((await listMerchantOrders(own.user.id, { filters: { query: "foreign-order" } })).rows).toEqual([]);
    expect((await listMerchantOrders(own.user.id, { filters: {} })).rows.map((r) => r.storeId)).toEqual([own.stores[0].id]);
  });
});

describe("parseOrdersQuery", () => {
  it("reads the URL's filters, names the ones it cannot understand, and ignores a forged cursor", () => {
    const query = parseOrdersQuery(new URLSearchParams("status=paid&type=nope&store=12&from=2025-02-30&to=2025-03-01&min=1.5&max=abc&q=%20x%20&after=zz.<script>"));
    expect(query.filters).toEqual({ status: "paid", storeId: 12, createdBefore: new Date("2025-03-02T00:00:00Z"), amountMin: "1.5", query: "x" });
    expect(query.invalid.sort()).toEqual(["from", "max", "type"]);
    expect(query.after).toBeUndefined();
    expect(query.before).toBeUndefined();
  });
});
