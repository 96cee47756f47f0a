import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { expectDomainError } from "@/lib/testing/assertions";
import {
  createPayinOrder,
  createRequisite,
  createStore,
  createSupport,
  createTrader,
  createUser,
  creditTraderDeposit,
  ensureCurrencies,
  markOrderPaid,
  matchPayinOrder,
  openDispute,
} from "@/lib/testing";
import { searchSupportOrders, listStoresForSearch, SUPPORT_ORDERS_PAGE, supportOrderSearchSchema } from "@/lib/orders/search-orders";
import { countOpenDisputes, DISPUTES_PAGE, listDisputes } from "./list-disputes";
import { getSupportOrder } from "@/lib/orders/get-support-order";
import { getDispute } from "./get-dispute";
import { getReceiptFile } from "@/lib/orders/get-receipt-file";
import { receiptBytes } from "@/lib/testing/receipt-bytes";

let currencies: Awaited<ReturnType<typeof ensureCurrencies>>;
let supportId: number;
let stores: Awaited<ReturnType<typeof createStore>>[];
/** Every order this file made, newest first, as support lists them. */
let all: { id: string; storeId: number; customerId: string; merchantOrderId: string; createdAt: Date }[] = [];

const MINUTE = 60_000;
const base = Date.now() - 24 * 60 * MINUTE;

beforeAll(async () => {
  currencies = await ensureCurrencies(prisma);
  supportId = (await createSupport(prisma)).user.id;
  stores = [await createStore(prisma, { name: "Alpha" }), await createStore(prisma, { name: "Beta" }), await createStore(prisma, { name: "Gamma" })];
  // 70 orders spread over three stores, some sharing a timestamp (the id breaks the tie).
  for (let i = 0; i < 70; i++) {
    const store = stores[i % 3];
    const createdAt = new Date(base + Math.floor(i / 2) * MINUTE);
    const ref = await createPayinOrder(prisma, {
      store,
      fiat: currencies.RUB,
      crypto: currencies.USDT,
      amount: 100_000n + BigInt(i),
      createdAt,
      customerId: `cust-${i % 7}`,
      merchantOrderId: `mo-${i}`,
    });
    all.push({ id: ref.id, storeId: store.id, customerId: `cust-${i % 7}`, merchantOrderId: `mo-${i}`, createdAt });
  }
  all = all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
});

/** Follows `after` from page to page and returns every id, in order. */
async function everyPage(search: Parameters<typeof searchSupportOrders>[1]) {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await searchSupportOrders(supportId, { ...search, after });
    ids.push(...page.orders.map((o) => o.id));
    if (!page.nextAfter) return ids;
    after = page.nextAfter;
  }
  throw new Error("too many pages");
}

describe("searchSupportOrders", () => {
  it("lists every store's orders newest first, in keyset pages with nothing missed or repeated", async () => {
    const first = await searchSupportOrders(supportId, {});
    expect(first.orders).toHaveLength(SUPPORT_ORDERS_PAGE);
    expect(first.orders[0]).toMatchObject({ id: all[0].id, storeName: expect.any(String), currencyCode: "RUB", exponent: 2, status: "created" });
    expect(await everyPage({})).toEqual(all.map((o) => o.id));
  });

  it("filters by store, status, our id, merchant order id and customer id", async () => {
    expect(await everyPage({ store: stores[1].id })).toEqual(all.filter((o) => o.storeId === stores[1].id).map((o) => o.id));
    expect(await everyPage({ status: "completed" })).toEqual([]);
    expect((await everyPage({ status: "created", store: stores[2].id })).length).toBe(all.filter((o) => o.storeId === stores[2].id).length);
    const target = all[17];
    expect(await everyPage({ q: target.id })).toEqual([target.id]);
    expect(await everyPage({ q: target.merchantOrderId })).toEqual([target.id]);
    expect(await everyPage({ q: "cust-3" })).toEqual(all.filter((o) => o.customerId === "cust-3").map((o) => o.id));
    expect(await everyPage({ q: "cust-3", store: stores[0].id })).toEqual(all.filter((o) => o.customerId === "cust-3" && o.storeId === stores[0].id).map((o) => o.id));
    expect(await everyPage({ q: "no-such-order" })).toEqual([]);
    // An unknown cursor is an empty page, not an error.
    expect(await searchSupportOrders(supportId, { after: "pi_01ARZ3NDEKTSV4RRFFQ69G5FAV" })).toEqual({ orders: [], nextAfter: null });
  });

  it("reads the query string leniently: malformed fields are dropped", () => {
    expect(supportOrderSearchSchema.parse({ q: "  mo-1 ", store: "2", status: "paid", after: "pi_01ARZ3NDEKTSV4RRFFQ69G5FAV" })).toEqual({
      q: "mo-1",
      store: 2,
      status: "paid",
      after: "pi_01ARZ3NDEKTSV4RRFFQ69G5FAV",
    });
    expect(supportOrderSearchSchema.parse({ q: ["a", "b"], store: "x", status: "nope", after: "'; DROP" })).toEqual({ q: undefined, store: undefined, status: undefined, after: undefined });
    expect(supportOrderSearchSchema.parse({ q: "   " }).q).toBeUndefined();
  });

  it("refuses anyone but an active support user", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    const inactive = await createSupport(prisma, { isActive: false });
    for (const userId of [merchant.id, inactive.user.id]) {
      await expectDomainError(searchSupportOrders(userId, {}), "support_only");
      await expectDomainError(listStoresForSearch(userId), "support_only");
      await expectDomainError(listDisputes(userId, { status: "open" }), "support_only");
      await expectDomainError(countOpenDisputes(userId), "support_only");
      await expectDomainError(getSupportOrder(userId, all[0].id), "support_only");
      await expectDomainError(getDispute(userId, 1), "support_only");
      await expectDomainError(getReceiptFile(userId, 1), "support_only");
    }
  });
});

describe("disputes queue and pages", () => {
  it("lists open disputes oldest first and resolved ones newest first, page by page", async () => {
    const trader = await createTrader(prisma);
    await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: currencies.USDT.id, amount: 100_000_000_000n });
    const requisite = await createRequisite(prisma, { traderId: trader.id, currencyId: currencies.RUB.id });
    const refs = [];
    for (let i = 0; i < DISPUTES_PAGE + 5; i++) {
      const early = (minutes: number) => new Date(base - minutes * MINUTE);
      const created = await createPayinOrder(prisma, { store: stores[0], fiat: currencies.RUB, crypto: currencies.USDT, amount: 200_000n + BigInt(i), createdAt: early(30) });
      const matched = await matchPayinOrder(prisma, created, { requisite, traderReward: "0.02", rate: "92.5", at: early(29) });
      const paid = await markOrderPaid(prisma, matched, { at: early(20) });
      // Several disputes share a creation time: the id orders them.
      refs.push(await openDispute(prisma, paid, { reason: `reason ${i}`, at: new Date(base + (i % 10) * MINUTE) }));
    }
    await prisma.dispute.updateMany({ where: { id: { in: refs.slice(0, 3).map((d) => d.id) } }, data: { status: "resolved_completed", resolvedAt: new Date() } });

    const openIds: number[] = [];
    let after: number | undefined;
    do {
      const page = await listDisputes(supportId, { status: "open", after });
      openIds.push(...page.disputes.map((d) => d.id));
      after = page.nextAfter ?? undefined;
    } while (after);
    const expectedOpen = refs.slice(3).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id).map((d) => d.id);
    expect(openIds).toEqual(expectedOpen);
    expect(await countOpenDisputes(supportId)).toBe(expectedOpen.length);

    const resolved = await listDisputes(supportId, { status: "resolved_completed" });
    expect(resolved.disputes.map((d) => d.id)).toEqual(refs.slice(0, 3).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id).map((d) => d.id));
    expect(resolved.disputes[0]).toMatchObject({ evidenceCount: 0, order: { status: "disputed", currencyCode: "RUB", storeName: "Alpha" } });

    const details = await getDispute(supportId, refs[5].id);
    expect(details).toMatchObject({ id: refs[5].id, reason: "reason 5", order: { store: { name: "Alpha" } }, evidence: [], orderReceipts: [] });
    expect(details?.order.history.map((h) => h.status)).toEqual(["created", "awaiting_payment", "paid", "disputed"]);
    expect(await getDispute(supportId, 999_999)).toBeNull();
  });

  it("shows an order with its timeline, receipts without bytes, and serves a receipt's bytes", async () => {
    const order = await getSupportOrder(supportId, all[3].id);
    expect(order).toMatchObject({ id: all[3].id, store: { name: expect.any(String) }, currency: { code: "RUB" }, callbacks: [], disputes: [] });
    expect(order?.history.map((h) => h.status)).toEqual(["created"]);
    expect(await getSupportOrder(supportId, "pi_01ARZ3NDEKTSV4RRFFQ69G5FAV")).toBeNull();

    const receipt = await prisma.receipt.create({
      data: { orderId: all[3].id, uploadedVia: "merchant_api", fileName: "r.png", contentType: "image/png", sizeBytes: 3, sha256: "0".repeat(64), data: new Uint8Array([1, 2, 3]) },
    });
    const withReceipt = await getSupportOrder(supportId, all[3].id);
    expect(withReceipt?.receipts).toEqual([expect.objectContaining({ id: receipt.id, fileName: "r.png", sizeBytes: 3 })]);
    expect(withReceipt?.receipts[0]).not.toHaveProperty("data");
    const file = await getReceiptFile(supportId, receipt.id);
    // A row from before file storage keeps its bytes in `data`, and is still served.
    expect(file && (await receiptBytes(file))).toEqual(Buffer.from([1, 2, 3]));
  });
});
