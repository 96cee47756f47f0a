import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createStore, createTrader, createUser } from "@/lib/testing";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import { createStore as openStore } from "./create-store";
import { PlatformShareError } from "./platform-share";
import { updateStore } from "./update-store";
import { updateTrader } from "@/lib/traders/update-trader";
import { auditRows, expectDomainError } from "@/lib/testing/assertions";
import { setupAdminCabinet, type AdminActor } from "@/lib/testing/fixtures";

let admin: AdminActor;

beforeAll(async () => {
  ({ admin } = await setupAdminCabinet());
});

// Routing is global, so the bounds are over every active store and trader: each test starts
// with none active and makes its own.
beforeEach(async () => {
  await prisma.trader.updateMany({ data: { isActive: false } });
  await prisma.merchantStore.updateMany({ data: { isActive: false } });
});

const commissionsOf = async (storeId: number) => {
  const row = await prisma.merchantStore.findUniqueOrThrow({ where: { id: storeId } });
  return [row.payinCommission.toString(), row.payoutCommission.toString()];
};
const rewardsOf = async (traderId: number) => {
  const row = await prisma.trader.findUniqueOrThrow({ where: { id: traderId } });
  return [row.payinReward.toString(), row.payoutReward.toString()];
};

async function expectBound(promise: Promise<unknown>, code: string, param: string, message: string, bound: string) {
  const error = await expectDomainError(promise, code);
  expect(error).toBeInstanceOf(PlatformShareError);
  expect({ kind: error.kind, param: error.param, message: error.message, values: (error as PlatformShareError).values }).toEqual({ kind: "invalid_request", param, message, values: { bound } });
}

describe("store commissions cover every active trader's reward", () => {
  it("createStore refuses a commission below the highest active trader reward of its direction; equal is fine", async () => {
    await createTrader(prisma, { payinReward: "0.025", payoutReward: "0.01" });
    await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.015" });
    await createTrader(prisma, { payinReward: "0.09", payoutReward: "0.09", isActive: false }); // gets no orders
    const merchant = await createUser(prisma, { role: "merchant" });
    const valid = { merchantUserId: merchant.id, name: "Share shop", payinCommission: "0.03", payoutCommission: "0.02" };
    const before = await prisma.merchantStore.count();

    await expectBound(openStore({ ...valid, payinCommission: "0.024" }, admin), "payin_commission_below_reward", "payinCommission", "Must be at least 0.025 (the highest trader pay-in reward).", "0.025");
    await expectBound(openStore({ ...valid, payoutCommission: "0.0149" }, admin), "payout_commission_below_reward", "payoutCommission", "Must be at least 0.015 (the highest trader payout reward).", "0.015");
    expect(await prisma.merchantStore.count()).toBe(before);

    const { storeId } = await openStore({ ...valid, payinCommission: "0.025", payoutCommission: "0.015" }, admin);
    expect(await commissionsOf(storeId)).toEqual(["0.025", "0.015"]);
  });

  it("updateStore refuses lowering a commission below it, changing nothing; other edits of a store below it still go through, switching it on does not", async () => {
    await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.015" });
    const store = await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });

    await expectBound(updateStore({ storeId: store.id, payinCommission: "0.019" }, admin), "payin_commission_below_reward", "payinCommission", "Must be at least 0.02 (the highest trader pay-in reward).", "0.02");
    await expectBound(updateStore({ storeId: store.id, payinCommission: "0.025", payoutCommission: "0" }, admin), "payout_commission_below_reward", "payoutCommission", "Must be at least 0.015 (the highest trader payout reward).", "0.015");
    expect(await commissionsOf(store.id)).toEqual(["0.03", "0.02"]);
    expect(await auditRows("store", store.id)).toHaveLength(0);
    await updateStore({ storeId: store.id, payinCommission: "0.02", payoutCommission: "0.015" }, admin);
    expect(await commissionsOf(store.id)).toEqual(["0.02", "0.015"]);

    // A store left below the bound by older data (inactive here): its limits and flag can be edited,
    // but switching it on would route orders at a loss.
    const legacy = await createStore(prisma, { payinCommission: "0.01", payoutCommission: "0.02", isActive: false });
    await updateStore({ storeId: legacy.id, limits: { payin: { min: 10_000 } } }, admin);
    await expectBound(updateStore({ storeId: legacy.id, isActive: true }, admin), "payin_commission_below_reward", "payinCommission", "Must be at least 0.02 (the highest trader pay-in reward).", "0.02");
    await updateStore({ storeId: legacy.id, isActive: true, payinCommission: "0.021" }, admin);
    expect(await prisma.merchantStore.findUniqueOrThrow({ where: { id: legacy.id } })).toMatchObject({ isActive: true });
  });

  it("has no bound without active traders", async () => {
    await createTrader(prisma, { payinReward: "0.05", isActive: false });
    const store = await createStore(prisma);
    await updateStore({ storeId: store.id, payinCommission: "0", payoutCommission: "0" }, admin);
    expect(await commissionsOf(store.id)).toEqual(["0", "0"]);
  });
});

describe("trader rewards stay within every active store's commission", () => {
  it("updateTrader refuses a reward above the lowest active store commission of its direction, changing nothing", async () => {
    await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
    await createStore(prisma, { payinCommission: "0.035", payoutCommission: "0.018" });
    await createStore(prisma, { payinCommission: "0.001", payoutCommission: "0.001", isActive: false }); // takes no orders
    const trader = await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.015" });

    await expectBound(updateTrader({ traderId: trader.id, payinReward: "0.0301" }, admin), "payin_reward_above_commission", "payinReward", "Must be at most 0.03 (the lowest store pay-in commission).", "0.03");
    await expectBound(updateTrader({ traderId: trader.id, payoutReward: "0.019", trafficPriority: 5 }, admin), "payout_reward_above_commission", "payoutReward", "Must be at most 0.018 (the lowest store payout commission).", "0.018");
    expect(await rewardsOf(trader.id)).toEqual(["0.02", "0.015"]);
    expect(await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } })).toMatchObject({ trafficPriority: 0 });
    expect(await auditRows("trader", trader.id)).toHaveLength(0);

    await updateTrader({ traderId: trader.id, payinReward: "0.03", payoutReward: "0.018" }, admin);
    expect(await rewardsOf(trader.id)).toEqual(["0.03", "0.018"]);
  });

  it("lets other edits of a trader above it through, but not switching them on", async () => {
    await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
    const trader = await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.05", isActive: false });
    await updateTrader({ traderId: trader.id, trafficPriority: 7 }, admin);
    await expectBound(updateTrader({ traderId: trader.id, isActive: true }, admin), "payout_reward_above_commission", "payoutReward", "Must be at most 0.02 (the lowest store payout commission).", "0.02");
    await updateTrader({ traderId: trader.id, isActive: true, payoutReward: "0.02" }, admin);
    expect(await prisma.trader.findUniqueOrThrow({ where: { id: trader.id } })).toMatchObject({ isActive: true, trafficPriority: 7 });
  });

  it("a commission cut and a reward raise at the same moment cannot both pass", async () => {
    const store = await createStore(prisma, { payinCommission: "0.03", payoutCommission: "0.02" });
    const trader = await createTrader(prisma, { payinReward: "0.02", payoutReward: "0.015" });
    // Each alone is fine; together the platform's share would be 0.02 − 0.03 < 0. Holding the
    // audit log keeps both edits from committing until both have had the chance to check, so
    // without the serialising lock both checks would pass.
    let edits: Promise<PromiseSettledResult<unknown>[]> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE audit_logs IN EXCLUSIVE MODE`;
      edits = Promise.allSettled([
        updateStore({ storeId: store.id, payinCommission: "0.02" }, admin),
        updateTrader({ traderId: trader.id, payinReward: "0.03" }, admin),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const results = await edits!;
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [[commission], [reward]] = [await commissionsOf(store.id), await rewardsOf(trader.id)];
    expect(Number(commission)).toBeGreaterThanOrEqual(Number(reward));
  });
});

describe("the field error in the admin's language", () => {
  it("names the bound in English and Russian", () => {
    const vars = { bound: "0.025" };
    expect(createTranslator("en", MESSAGES.en)("errors.payin_commission_below_reward", vars)).toBe("Must be at least 0.025 (the highest trader pay-in reward).");
    expect(createTranslator("ru", MESSAGES.ru)("errors.payout_reward_above_commission", vars)).toBe("Должно быть не больше 0.025 (наименьшая комиссия магазина за выплату).");
  });
});
