// A deactivated account's gateway credentials stop at once: a merchant key of a switched-off
// owner, and a trader token of a switched-off user or trader profile, get 401
// account_deactivated through the real route wrapper; switched back on, they work again.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { setUserActive } from "@/lib/users/set-user-active";
import type { Actor } from "@/lib/audit/record-audit";
import { createAdmin, createMerchantApiKey, createStore } from "@/lib/testing";
import { GET as balanceRoute } from "@/app/api/v1/balance/route";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { GET as traderOrdersRoute } from "@/app/api/v1/trader/orders/route";
import { call, expectErrorShape, payinBody } from "@/lib/testing/api";
import { setupReference, storeWithApiKey, traderWithApiToken, type Currencies } from "@/lib/testing/fixtures";

let currencies: Currencies;
let admin: Actor;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true }));
  admin = { type: "user", userId: (await createAdmin(prisma, { grantedPermissions: { all: true } })).user.id };
});

const balance = (key: string) => call(balanceRoute, "GET", "/api/v1/balance", { key });
const traderOrders = (token: string) => call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: token });

describe("merchant API keys", () => {
  it("stop with 401 account_deactivated while the owner is deactivated, for every key, and work again once reactivated", async () => {
    const { store, key } = await storeWithApiKey();
    const second = await createMerchantApiKey(prisma, { storeId: store.id });
    expect((await balance(key)).status).toBe(200);

    await setUserActive({ userId: store.userId, isActive: false }, admin);
    for (const k of [key, second.key]) {
      const error = expectErrorShape(await balance(k), 401, "account_deactivated");
      expect(error.message).toBe("The account that owns this key is deactivated; contact support.");
    }
    const refused = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody(), headers: { "idempotency-key": "deactivated-1" } });
    expectErrorShape(refused, 401, "account_deactivated");
    expect(await prisma.incomingOrder.count({ where: { storeId: store.id } })).toBe(0);

    await setUserActive({ userId: store.userId, isActive: true }, admin);
    expect((await balance(key)).status).toBe(200);
    const created = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody(), headers: { "idempotency-key": "deactivated-1" } });
    expect(created.status, created.text).toBe(201);
  });

  it("answers store_deactivated for an inactive store and invalid_api_key for unknown and revoked keys", async () => {
    const inactive = await createStore(prisma, { isActive: false });
    const { key } = await createMerchantApiKey(prisma, { storeId: inactive.id });
    expectErrorShape(await balance(key), 401, "store_deactivated");

    const { store } = await storeWithApiKey();
    const revoked = await createMerchantApiKey(prisma, { storeId: store.id, revokedAt: new Date() });
    expectErrorShape(await balance(revoked.key), 401, "invalid_api_key");
    expectErrorShape(await balance(`jp_test_${"Z".repeat(32)}`), 401, "invalid_api_key");
  });
});

describe("trader tokens", () => {
  it("stop with 401 account_deactivated while the user is deactivated, and work again once reactivated", async () => {
    const { trader, token } = await traderWithApiToken(currencies);
    expect((await traderOrders(token)).status).toBe(200);

    await setUserActive({ userId: trader.userId, isActive: false }, admin);
    expectErrorShape(await traderOrders(token), 401, "account_deactivated");

    await setUserActive({ userId: trader.userId, isActive: true }, admin);
    expect((await traderOrders(token)).status).toBe(200);
  });

  it("stop with 401 account_deactivated while the trader profile is deactivated", async () => {
    const { trader, token } = await traderWithApiToken(currencies);
    await prisma.trader.update({ where: { id: trader.id }, data: { isActive: false } });
    expectErrorShape(await traderOrders(token), 401, "account_deactivated");

    await prisma.trader.update({ where: { id: trader.id }, data: { isActive: true } });
    expect((await traderOrders(token)).status).toBe(200);
  });
});
