import type { PrismaClient } from "@/lib/generated/prisma/client";
import { invalidateSettings } from "@/lib/settings/read-settings";
import { postMovements } from "@/lib/ledger/post-movements";
import {
  createAdmin, createExchangeRate, createRequisite, createStore, createSupport, createTrader, creditTraderDeposit, ensureCurrencies, ensureDefaultSettings,
} from "@/lib/testing";
import type { WorldShape } from "./world-shape";

/** Settings the simulator runs under: fraud caps off (they have their own race test), windows short enough to be crossed. */
export const SIM_SETTINGS = {
  "fraud.max_open_orders_per_customer": 0,
  "fraud.max_orders_per_customer_per_hour": 0,
  "matching.max_open_orders_per_requisite": 4,
  "order.late_dispute_window_hours": 6,
  "order.payment_ttl_seconds": 30 * 60,
  "trader.online_window_seconds": 900,
  "order.payout_offer_seconds": 300,
  "order.match_window_seconds": 1800,
} as const;

const USDT = 1_000_000n;

// Stores: a rich one, one that nudges colliding amounts, a poor one with amount bounds (so
// payouts are refused for balance and pay-ins for bounds). Every commission covers every reward.
const STORES = [
  { payinCommission: "0.03", payoutCommission: "0.02", balance: 200_000n * USDT, allowAmountAdjustment: false, limits: {} },
  { payinCommission: "0.05", payoutCommission: "0.03", balance: 50_000n * USDT, allowAmountAdjustment: true, limits: {} },
  { payinCommission: "0.02", payoutCommission: "0.02", balance: 500n * USDT, allowAmountAdjustment: false, limits: { payin: { min: 50_000, max: 3_000_000 } } },
];

// Traders: rich and poor deposits, tight and loose requisite limits, so refusals happen.
const RUB = (units: number) => BigInt(units) * 100n;
const TRADERS = [
  { deposit: 10_000_000n * USDT, priority: 1, payinReward: "0.02", payoutReward: "0.015", requisites: [{}, { dailyLimit: RUB(2_000_000) }] },
  { deposit: 10_000_000n * USDT, priority: 0, payinReward: "0.015", payoutReward: "0.01", requisites: [{ dailyLimit: RUB(30_000) }, {}] },
  { deposit: 300n * USDT, priority: 2, payinReward: "0.02", payoutReward: "0.02", requisites: [{}] },
  { deposit: 5_000n * USDT, priority: 0, payinReward: "0.01", payoutReward: "0.01", requisites: [{ maxAmount: RUB(5_000), dailyCountLimit: 20 }] },
  { deposit: 10_000_000n * USDT, priority: 0, payinReward: "0.02", payoutReward: "0.005", requisites: [{ dailyLimit: RUB(50_000) }] },
  { deposit: 100n * USDT, priority: 1, payinReward: "0.02", payoutReward: "0.02", requisites: [{ minAmount: RUB(1_000) }] },
];

export const WORLD_SHAPE: WorldShape = { stores: STORES.length, traders: TRADERS.length };

export interface SimWorld {
  usdtId: number;
  rubId: number;
  stores: { id: number; userId: number; limits: unknown; allowAmountAdjustment: boolean; commission: { payin: string; payout: string } }[];
  traders: { id: number; userId: number; reward: { payin: string; payout: string } }[];
  supportId: number;
  support2Id: number;
  /** A support user whose disputes.resolve permission is withheld. */
  supportNoPermId: number;
  adminId: number;
  /** Role of every staff, merchant and trader user, to tell which party an order_history row's actor was. */
  roleOf: Map<number, string>;
}

/** Seeds a fresh database with the simulated world: reference data, settings, stores, traders, staff. */
export async function seedWorld(prisma: PrismaClient): Promise<SimWorld> {
  const { RUB: rub, USDT: usdt } = await ensureCurrencies(prisma);
  await ensureDefaultSettings(prisma);
  for (const [key, value] of Object.entries(SIM_SETTINGS)) await prisma.configurationSetting.update({ where: { key }, data: { value } });
  invalidateSettings();
  await createExchangeRate(prisma, { baseCurrencyId: rub.id, quoteCurrencyId: usdt.id, rate: "92.5" });
  const roleOf = new Map<number, string>();

  const stores = [];
  for (const spec of STORES) {
    const store = await createStore(prisma, { payinCommission: spec.payinCommission, payoutCommission: spec.payoutCommission, allowAmountAdjustment: spec.allowAmountAdjustment, limits: spec.limits });
    await prisma.$transaction((tx) => postMovements(tx, [{ account: { kind: "store", storeId: store.id, currencyId: usdt.id }, delta: spec.balance, reason: "test_credit" }]));
    roleOf.set(store.userId, "merchant");
    stores.push({ id: store.id, userId: store.userId, limits: spec.limits, allowAmountAdjustment: spec.allowAmountAdjustment, commission: { payin: spec.payinCommission, payout: spec.payoutCommission } });
  }

  const traders = [];
  for (const spec of TRADERS) {
    const trader = await createTrader(prisma, { trafficPriority: spec.priority, payinReward: spec.payinReward, payoutReward: spec.payoutReward });
    await creditTraderDeposit(prisma, { traderId: trader.id, currencyId: usdt.id, amount: spec.deposit });
    for (const limits of spec.requisites) await createRequisite(prisma, { traderId: trader.id, currencyId: rub.id, ...limits });
    roleOf.set(trader.userId, "trader");
    traders.push({ id: trader.id, userId: trader.userId, reward: { payin: spec.payinReward, payout: spec.payoutReward } });
  }

  const staff = {
    supportId: (await createSupport(prisma)).user.id,
    support2Id: (await createSupport(prisma)).user.id,
    supportNoPermId: (await createSupport(prisma, { grantedPermissions: { "disputes.resolve": false } })).user.id,
    adminId: (await createAdmin(prisma)).user.id,
  };
  for (const id of [staff.supportId, staff.support2Id, staff.supportNoPermId]) roleOf.set(id, "support");
  roleOf.set(staff.adminId, "admin");
  return { usdtId: usdt.id, rubId: rub.id, stores, traders, ...staff, roleOf };
}
