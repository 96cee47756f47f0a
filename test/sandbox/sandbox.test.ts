// Sandbox stores (README "Sandbox"): their orders reach only the simulated sandbox trader and
// move only their own balances, live orders never reach it, keys cannot cross worlds, and the
// simulator drives sandbox pay-ins through the real lifecycle — never a live one.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { checkLedger } from "@/lib/ledger/check-ledger";
import { createPayin } from "@/lib/orders/create-payin";
import { createPayout } from "@/lib/orders/create-payout";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { expireDueOrders } from "@/lib/orders/expire-due-orders";
import { requestWithdrawal } from "@/lib/withdrawals/request-withdrawal";
import { ensureSandboxTrader } from "@/lib/sandbox/ensure-sandbox-trader";
import { createSandboxStore } from "@/lib/sandbox/create-sandbox-store";
import { runSandboxSimulator } from "@/lib/sandbox/run-sandbox-simulator";
import { createStoreApiKey } from "@/lib/stores/store-api-keys";
import { authenticate } from "@/lib/auth/authenticate";
import { SANDBOX_TRADER_EMAIL } from "@/lib/sandbox/ensure-sandbox-trader";
import { createMerchantApiKey, createStore, createUser } from "@/lib/testing";
import { merchantActor } from "@/lib/testing/actors";
import { expectDomainError } from "@/lib/testing/assertions";
import { call, expectErrorShape, payinBody } from "@/lib/testing/api";
import { creditStoreUsdt, orderInput, setupReference, storeUsdt, traderWithRequisite, type Currencies } from "@/lib/testing/fixtures";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { createStore as adminCreateStore } from "@/lib/stores/create-store";
import { updateTrader } from "@/lib/traders/update-trader";
import { postMovements } from "@/lib/ledger/post-movements";
import { sandboxScenario } from "@/lib/sandbox/sandbox-scenario";
import { createAdminActor } from "@/lib/testing/fixtures";

let currencies: Currencies;
let sandboxTraderId: number;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true }));
  ({ traderId: sandboxTraderId } = await ensureSandboxTrader());
});

const CALLBACK_URL = "http://127.0.0.1:9/webhooks";
const sandboxStore = () => createStore(prisma, { isSandbox: true, payinCommission: "0", payoutCommission: "0", callbackUrl: CALLBACK_URL });
const liveStore = () => createStore(prisma, { callbackUrl: CALLBACK_URL });
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);
const statusOf = async (id: string) => (await prisma.incomingOrder.findUniqueOrThrow({ where: { id } })).status;
const callbackTypes = async (id: string) =>
  (await prisma.callbackDelivery.findMany({ where: { orderId: id }, orderBy: { sequence: "asc" } })).map((c) => c.eventType);

describe("the simulated sandbox trader", () => {
  it("is created once, cannot sign in, earns nothing and has requisites and a recorded deposit", async () => {
    expect((await ensureSandboxTrader()).traderId).toBe(sandboxTraderId);
    const trader = await prisma.trader.findUniqueOrThrow({ where: { id: sandboxTraderId }, include: { requisites: { include: { settings: true } }, cryptoHistory: true } });
    expect(trader).toMatchObject({ isSandbox: true, teamLeadId: null });
    expect([trader.payinReward.toFixed(), trader.payoutReward.toFixed()]).toEqual(["0", "0"]);
    expect(trader.requisites).toHaveLength(2); // RUB × card, sbp
    expect(trader.cryptoHistory.map((h) => h.reason)).toEqual(["deposit_credit"]);
    expect((await authenticate(SANDBOX_TRADER_EMAIL, "", "192.0.2.7")).ok).toBe(false);
    await expect(prisma.trader.update({ where: { id: sandboxTraderId }, data: { isSandbox: false } })).rejects.toThrow(/is_sandbox/);
  });
});

describe("sandbox scenarios and the platform's share", () => {
  it("reads the scenario from the amount's last two digits in minor units", () => {
    expect([10_000n, 10_001n, 10_002n, 10_003n, 10_004n, 10_099n, 1n, 100n].map(sandboxScenario)).toEqual([
      "complete", "expire", "dispute", "fail_matching", "await_confirm", "await_confirm", "expire", "complete",
    ]);
  });

  it("tops the simulated trader's deposit up through the ledger when it runs low", async () => {
    const usdt = currencies.USDT.id;
    const before = (await prisma.balanceTraderCrypto.findUniqueOrThrow({ where: { traderId_currencyId: { traderId: sandboxTraderId, currencyId: usdt } } })).amount;
    await prisma.$transaction((tx) => postMovements(tx, [{ account: { kind: "trader_crypto", traderId: sandboxTraderId, currencyId: usdt }, delta: -(before - 1_000_000n), reason: "deposit_debit" }]));
    await ensureSandboxTrader();
    const after = await prisma.balanceTraderCrypto.findUniqueOrThrow({ where: { traderId_currencyId: { traderId: sandboxTraderId, currencyId: usdt } } });
    expect(after.amount).toBe(before);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("keeps sandbox commissions at 0 without binding live traders' rewards", async () => {
    const admin = await createAdminActor();
    const merchant = await createUser(prisma, { role: "merchant" });
    const { storeId } = await adminCreateStore({ merchantUserId: merchant.id, name: "Admin's sandbox", payinCommission: "0.05", payoutCommission: "0.05", isSandbox: true }, admin);
    const store = await prisma.merchantStore.findUniqueOrThrow({ where: { id: storeId } });
    expect([store.isSandbox, store.payinCommission.toFixed(), store.payoutCommission.toFixed()]).toEqual([true, "0", "0"]);
    // A live trader's reward may still rise up to the lowest live commission (0.03 by default)…
    const { trader } = await traderWithRequisite(currencies);
    expect(await updateTrader({ traderId: trader.id, payinReward: "0.025" }, admin)).toEqual({ changed: true });
    // …while the sandbox trader's may not rise above its stores' 0.
    await expectDomainError(updateTrader({ traderId: sandboxTraderId, payinReward: "0.01" }, admin), "payin_reward_above_commission");
  });
});

describe("matching isolation", () => {
  it("never gives a live order the sandbox trader, even when it is the only one with capacity", async () => {
    const store = await liveStore();
    // SBP: only the sandbox trader has an SBP requisite here (the factory's have no payment method).
    const order = await createPayin(store, { ...orderInput(1_000_000n), paymentMethod: "sbp" }, merchantActor);
    expect(order.status).toBe("created");
    expect(order.traderId).toBeNull();
  });

  it("never gives a sandbox order a real trader, even when the sandbox trader cannot take it", async () => {
    const { trader: real } = await traderWithRequisite(currencies);
    const store = await sandboxStore();
    await prisma.trader.update({ where: { id: sandboxTraderId }, data: { isActive: false } });
    try {
      const unmatched = await createPayin(store, orderInput(1_000_000n), merchantActor);
      expect(unmatched).toMatchObject({ status: "created", traderId: null });
    } finally {
      await prisma.trader.update({ where: { id: sandboxTraderId }, data: { isActive: true } });
    }
    const matched = await createPayin(store, orderInput(1_000_000n), merchantActor);
    expect(matched).toMatchObject({ status: "awaiting_payment", traderId: sandboxTraderId });
    // …and the real trader still takes live orders.
    const live = await createPayin(await liveStore(), orderInput(1_000_000n), merchantActor);
    expect(live.status).toBe("awaiting_payment");
    expect(live.traderId).not.toBe(sandboxTraderId);
    expect(await prisma.trader.count({ where: { id: real.id, isSandbox: false } })).toBe(1);
  });

  it("lets a sandbox store send the same amount twice (the same-amount rule is relaxed for sandbox only)", async () => {
    const store = await sandboxStore();
    const first = await createPayin(store, orderInput(1_234_500n), merchantActor);
    const second = await createPayin(store, orderInput(1_234_500n), merchantActor);
    expect([first.traderId, second.traderId]).toEqual([sandboxTraderId, sandboxTraderId]);
    expect([first.amount, second.amount]).toEqual([1_234_500n, 1_234_500n]);
  });
});

describe("keys and money of a sandbox store", () => {
  it("gives a sandbox store jp_sandbox_ keys and a live store jp_live_ keys", async () => {
    const merchant = await createUser(prisma, { role: "merchant" });
    const { storeId } = await createSandboxStore(merchant.id, { name: "My sandbox" }, { type: "user", role: "merchant", userId: merchant.id });
    const store = await prisma.merchantStore.findUniqueOrThrow({ where: { id: storeId } });
    expect(store).toMatchObject({ isSandbox: true, userId: merchant.id });
    expect([store.payinCommission.toFixed(), store.payoutCommission.toFixed()]).toEqual(["0", "0"]);
    const sandboxKey = await createStoreApiKey(merchant.id, storeId, "test", { type: "user", role: "merchant", userId: merchant.id });
    expect(sandboxKey.key).toMatch(/^jp_sandbox_[A-Za-z0-9_-]{32}$/);
    const live = await createStore(prisma, { userId: merchant.id });
    expect((await createStoreApiKey(merchant.id, live.id, "live", { type: "user", role: "merchant", userId: merchant.id })).key).toMatch(/^jp_live_/);

    const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key: sandboxKey.key, body: payinBody({ amount: 10_000 }), headers: { "idempotency-key": `k-${Date.now()}` } });
    expect(response.status, response.text).toBe(201);
    expect(response.json.status).toBe("awaiting_payment");
  });

  it("refuses a jp_sandbox_ key on a live store and a live key on a sandbox store", async () => {
    const live = await liveStore();
    const { key: misplacedSandboxKey } = await createMerchantApiKey(prisma, { storeId: live.id, key: `jp_sandbox_${"a".repeat(32)}${Date.now()}` });
    const sandbox = await sandboxStore();
    const { key: misplacedLiveKey } = await createMerchantApiKey(prisma, { storeId: sandbox.id, key: `jp_live_${"b".repeat(32)}${Date.now()}` });
    for (const key of [misplacedSandboxKey, misplacedLiveKey]) {
      const response = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody() });
      expectErrorShape(response, 401, "api_key_store_mismatch");
    }
    expect(await prisma.incomingOrder.count({ where: { storeId: { in: [live.id, sandbox.id] } } })).toBe(0);
  });

  it("refuses withdrawals and payouts of a sandbox store with a clear 4xx", async () => {
    const store = await sandboxStore();
    await creditStoreUsdt(currencies, store.id, 5_000_000n);
    const refusal = await expectDomainError(
      requestWithdrawal({ storeId: store.id, currencyCode: "USDT", amount: 1_000_000n, address: "TXYZabcdefghijkmnopqrstuvwxyz23456" }, merchantActor),
      "sandbox_balance_not_withdrawable",
    );
    expect(refusal.status).toBe(422);
    const payout = await expectDomainError(
      createPayout(store, { ...orderInput(10_000n), destination: { type: "card", number: "2200 1234 5678 9010" } }, merchantActor),
      "sandbox_payouts_not_supported",
    );
    expect(payout.status).toBe(422);
    expect(await storeUsdt(currencies, store.id)).toEqual({ available: 5_000_000n, held: 0n });
  });
});

describe("the sandbox simulator", () => {
  it("drives every scenario through the lifecycle with its callback, the ledger clean and the platform's share 0", async () => {
    const store = await sandboxStore();
    const platformBefore = await prisma.balancePlatformHistory.count();
    const create = (amount: bigint) => createPayin(store, orderInput(amount), merchantActor);
    const [completes, expires, disputes, fails, waits] = await Promise.all([10_000n, 10_001n, 10_002n, 10_003n, 10_050n].map(create));
    expect(fails).toMatchObject({ status: "created", traderId: null });
    for (const order of [completes, expires, disputes, waits]) expect(order).toMatchObject({ status: "awaiting_payment", traderId: sandboxTraderId });
    // …01 got the short sandbox deadline.
    expect(expires.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(10_000);

    // (Earlier tests' sandbox orders are moved too: only this test's orders are checked.)
    await runSandboxSimulator({ now: inSeconds(3) });
    expect(await Promise.all([completes, disputes, fails].map((o) => statusOf(o.id)))).toEqual(["paid", "paid", "failed"]);
    await runSandboxSimulator({ now: inSeconds(6) });
    expect(await Promise.all([completes, disputes].map((o) => statusOf(o.id)))).toEqual(["completed", "disputed"]);
    await expireDueOrders({ now: inSeconds(15) });
    // Any other amount waits for the merchant's confirm, then completes.
    expect(await statusOf(waits.id)).toBe("awaiting_payment");
    await markPayinPaid(waits.id, store.id, merchantActor);
    await runSandboxSimulator({ now: inSeconds(9) });

    expect(await callbackTypes(completes.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.completed"]);
    expect(await callbackTypes(expires.id)).toEqual(["payin.awaiting_payment", "payin.expired"]);
    expect(await callbackTypes(disputes.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.disputed"]);
    expect(await callbackTypes(fails.id)).toEqual(["payin.failed"]);
    expect(await callbackTypes(waits.id)).toEqual(["payin.awaiting_payment", "payin.paid", "payin.completed"]);
    const dispute = await prisma.dispute.findFirstOrThrow({ where: { orderId: disputes.id } });
    expect(dispute.openedVia).toBe("trader");
    const actors = await prisma.orderHistory.findMany({ where: { incomingOrderId: completes.id }, orderBy: { id: "asc" }, select: { status: true, actorType: true } });
    expect(actors.map((a) => `${a.status}:${a.actorType}`)).toEqual(["awaiting_payment:system", "paid:customer", "completed:trader_api"]);

    // The store got the full USDT of both completed pay-ins (commission 0), the platform nothing.
    const completed = await prisma.incomingOrder.findMany({ where: { id: { in: [completes.id, waits.id] } } });
    expect(completed.map((o) => o.status)).toEqual(["completed", "completed"]);
    expect((await storeUsdt(currencies, store.id)).available).toBe(completed.reduce((sum, o) => sum + o.cryptoAmount!, 0n));
    const history = await prisma.orderHistory.findMany({ where: { incomingOrderId: { in: [completes.id, waits.id] }, status: "completed" } });
    for (const row of history) expect(row.platformProfit ?? 0n).toBe(0n);
    expect(await prisma.balancePlatformHistory.count()).toBe(platformBefore);
    expect(await checkLedger(prisma)).toEqual([]);
  });

  it("never touches a live order, whatever its amount", async () => {
    await traderWithRequisite(currencies);
    const store = await liveStore();
    const orders = await Promise.all([10_000n, 10_002n, 20_000n, 10_003n].map((amount) => createPayin(store, orderInput(amount), merchantActor)));
    // A live store whose orders no trader can take: its …03 stays unmatched for the ordinary retry.
    const unmatched = await createPayin(await liveStore(), { ...orderInput(10_003n), currency: "RUB", paymentMethod: "sbp" }, merchantActor);
    for (const order of orders) {
      expect(order.status).toBe("awaiting_payment");
      expect([null, sandboxTraderId]).not.toContain(order.traderId);
    }
    await markPayinPaid(orders[2].id, store.id, merchantActor);
    const before = await prisma.orderHistory.count({ where: { incomingOrderId: { in: [...orders, unmatched].map((o) => o.id) } } });

    for (const seconds of [3, 6, 9]) await runSandboxSimulator({ now: inSeconds(seconds) });

    expect(await Promise.all(orders.map((o) => statusOf(o.id)))).toEqual(["awaiting_payment", "awaiting_payment", "paid", "awaiting_payment"]);
    expect(await statusOf(unmatched.id)).toBe("created");
    expect(await prisma.orderHistory.count({ where: { incomingOrderId: { in: [...orders, unmatched].map((o) => o.id) } } })).toBe(before);
    expect(await checkLedger(prisma)).toEqual([]);
  });
});
