import { multiply, type DecimalLike } from "./decimal";

/**
 * Splits a completed pay-in's USDT value u between store, trader and platform (docs/design.md):
 * store +u·(1−s), trader reward u·t, platform u·(s−t). The store credit and the trader reward
 * are rounded down and the platform takes the remainder, so the three add up to u exactly.
 */
export function splitPayin(u: bigint, storeCommission: DecimalLike, traderReward: DecimalLike) {
  const storeCommissionAmount = multiply(u, storeCommission, "half_up");
  const storeCredit = u - storeCommissionAmount;
  const traderRewardAmount = multiply(u, traderReward, "floor");
  const platformProfit = u - storeCredit - traderRewardAmount;
  return { storeCredit, storeCommissionAmount, traderReward: traderRewardAmount, platformProfit };
}

/**
 * A payout of USDT value u: the store pays u·(1+s), the trader gets u·(1+t), the platform
 * keeps u·(s−t). The store fee rounds half-up, the reward down; the platform takes the rest.
 */
export function splitPayout(u: bigint, storeCommission: DecimalLike, traderReward: DecimalLike) {
  const storeCommissionAmount = multiply(u, storeCommission, "half_up");
  const traderRewardAmount = multiply(u, traderReward, "floor");
  return {
    storeDebit: u + storeCommissionAmount,
    storeCommissionAmount,
    traderCredit: u + traderRewardAmount,
    traderReward: traderRewardAmount,
    platformProfit: storeCommissionAmount - traderRewardAmount,
  };
}
