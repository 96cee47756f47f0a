// Order creation may authenticate a merchant key from the process's cache; the order's INSERT
// re-checks the key, the store and its owner in the same statement, so whatever changed since
// (even straight in the database, by another instance or by hand) is seen by the next order.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { authenticateStore } from "@/lib/api/authenticate-request";
import { call, expectErrorShape, payinBody } from "@/lib/testing/api";
import { setupReference, storeWithApiKey, traderWithRequisite } from "@/lib/testing/fixtures";

let amount = 210_000;
const payin = (key: string) => call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: (amount += 100) }) });

beforeAll(async () => {
  const { currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 });
  await traderWithRequisite(currencies);
});

describe("a cached merchant key", () => {
  it("is answered from the cache (with the credentials to re-check) only where asked for", async () => {
    const { key, keyRow } = await storeWithApiKey();
    const request = new Request("http://x/api/v1/payin", { headers: { authorization: `Bearer ${key}` } });
    expect((await authenticateStore(request)).store.cachedCredentials).toBeUndefined();
    await prisma.$executeRaw`UPDATE merchant_api_keys SET revoked_at = now() WHERE id = ${keyRow.id}`;
    // The cache still has it: only the order's INSERT (below) stands between it and an order.
    expect((await authenticateStore(request, { cached: true })).store.cachedCredentials).toMatchObject({ apiKeyId: keyRow.id });
    await expect(authenticateStore(request)).rejects.toMatchObject({ code: "invalid_api_key" });
  });

  it("creates no order once the key is revoked in the database", async () => {
    const { store, key, keyRow } = await storeWithApiKey();
    expect((await payin(key)).status).toBe(201); // authenticated and cached
    await prisma.$executeRaw`UPDATE merchant_api_keys SET revoked_at = now() WHERE id = ${keyRow.id}`;
    expectErrorShape(await payin(key), 401, "invalid_api_key");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("creates no order once the owner or the store is switched off in the database", async () => {
    const owner = await storeWithApiKey();
    expect((await payin(owner.key)).status).toBe(201);
    await prisma.$executeRaw`UPDATE users SET is_active = false WHERE id = ${owner.store.userId}`;
    expectErrorShape(await payin(owner.key), 401, "account_deactivated");

    const shop = await storeWithApiKey();
    expect((await payin(shop.key)).status).toBe(201);
    await prisma.$executeRaw`UPDATE merchant_store SET is_active = false WHERE id = ${shop.store.id}`;
    expectErrorShape(await payin(shop.key), 401, "store_deactivated");
    expect(await prisma.incomingOrder.count({ where: { storeId: { in: [owner.store.id, shop.store.id] } } })).toBe(2);
  });

  it("uses the store's new limits at once after an edit", async () => {
    const { store, key } = await storeWithApiKey();
    expect((await payin(key)).status).toBe(201);
    await prisma.merchantStore.update({ where: { id: store.id }, data: { limits: { payin: { max: 1000 } } } });
    expectErrorShape(await payin(key), 422, "amount_too_large");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("keeps working for the next orders while nothing changed", async () => {
    const { store, key } = await storeWithApiKey();
    for (let i = 0; i < 3; i++) expect((await payin(key)).status).toBe(201);
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(3);
  });
});
