import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError, type ErrorCode } from "@/lib/errors/domain-error";

/**
 * The platform's share of an order is the store's commission minus the trader's reward, per
 * direction (docs/design.md, Money). Routing is global — any active trader may get any store's
 * order — so every store's commission must cover every active trader's reward of the same
 * direction. Admin edits of commissions, rewards and active flags keep it so. Routing is global
 * within one world only: live stores reach live traders, sandbox stores the sandbox traders
 * (lib/matching/select-requisite.ts), so each side is checked against its own world (`sandbox`)
 * — a sandbox store's 0 commission does not bind live rewards, and the reverse.
 */
type Direction = "payin" | "payout";

const LABEL: Record<Direction, string> = { payin: "pay-in", payout: "payout" };

type PlatformShareCode = Extract<ErrorCode, `${Direction}_commission_below_reward` | `${Direction}_reward_above_commission`>;

/** A refusal that names the limit the value must respect (`values.bound`), for the form's field error. */
export class PlatformShareError extends DomainError {
  constructor(code: PlatformShareCode, message: string, param: string, readonly values: { bound: string }) {
    super(code, message, { param });
  }
}

/**
 * Serialises every edit that could make a share negative: without it an admin lowering a store's
 * commission and another raising a trader's reward could both pass their check at once. Taken
 * before the bounds are read, so the read sees whatever the previous holder committed.
 */
async function lockPlatformShare(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('jivapay.platform_share'))`;
}

interface Fractions {
  payin?: string;
  payout?: string;
}

/** Refuses a store commission below the highest active trader reward of its direction (param payinCommission / payoutCommission). */
export async function assertCommissionsCoverRewards(tx: Tx, commissions: Fractions, world: { sandbox: boolean } = { sandbox: false }): Promise<void> {
  if (commissions.payin === undefined && commissions.payout === undefined) return;
  await lockPlatformShare(tx);
  const { _max: highest } = await tx.trader.aggregate({ where: { isActive: true, isSandbox: world.sandbox }, _max: { payinReward: true, payoutReward: true } });
  for (const [direction, commission, reward] of [
    ["payin", commissions.payin, highest.payinReward],
    ["payout", commissions.payout, highest.payoutReward],
  ] as const) {
    if (commission === undefined || reward === null || !reward.gt(commission)) continue;
    const bound = reward.toString();
    throw new PlatformShareError(
      `${direction}_commission_below_reward`,
      `Must be at least ${bound} (the highest trader ${LABEL[direction]} reward).`,
      `${direction}Commission`,
      { bound },
    );
  }
}

/** Refuses a trader reward above the lowest active store commission of its direction (param payinReward / payoutReward). */
export async function assertRewardsWithinCommissions(tx: Tx, rewards: Fractions, world: { sandbox: boolean } = { sandbox: false }): Promise<void> {
  if (rewards.payin === undefined && rewards.payout === undefined) return;
  await lockPlatformShare(tx);
  const { _min: lowest } = await tx.merchantStore.aggregate({ where: { isActive: true, isSandbox: world.sandbox }, _min: { payinCommission: true, payoutCommission: true } });
  for (const [direction, reward, commission] of [
    ["payin", rewards.payin, lowest.payinCommission],
    ["payout", rewards.payout, lowest.payoutCommission],
  ] as const) {
    if (reward === undefined || commission === null || !commission.lt(reward)) continue;
    const bound = commission.toString();
    throw new PlatformShareError(
      `${direction}_reward_above_commission`,
      `Must be at most ${bound} (the lowest store ${LABEL[direction]} commission).`,
      `${direction}Reward`,
      { bound },
    );
  }
}
