import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { changedFields } from "@/lib/audit/changed-fields";
import { assertRewardsWithinCommissions } from "@/lib/stores/platform-share";
import { fractionSchema, trafficPrioritySchema } from "@/lib/validation/schemas";
import { parseInput } from "@/lib/validation/messages";

export const traderUpdateSchema = z.object({
  traderId: z.number().int().positive(),
  isActive: z.boolean().optional(),
  /** Higher gets traffic first (docs/design.md, matching). */
  trafficPriority: trafficPrioritySchema.optional(),
  /** Reward fractions 0 ≤ x < 1 of an order's USDT value, per direction. */
  payinReward: fractionSchema.optional(),
  payoutReward: fractionSchema.optional(),
  /** Teamlead profile id; null takes the trader out of any team. */
  teamLeadId: z.number().int().positive().nullable().optional(),
});

export type TraderUpdateInput = z.input<typeof traderUpdateSchema>;

/**
 * Changes a trader's active flag, traffic priority, rewards or team, with one audit row
 * holding the old and new value of each changed field. Matching reads these on every order,
 * so the next order already sees them. A changed reward — and both of them when the trader is
 * switched on — may not exceed an active store's commission of that direction
 * (./platform-share.ts).
 */
export async function updateTrader(input: TraderUpdateInput, actor: Actor): Promise<{ changed: boolean }> {
  const { traderId, ...patch } = parseInput(traderUpdateSchema, input);
  return runTransaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM trader WHERE id = ${traderId} FOR UPDATE`;
    if (!locked) throw new DomainError("trader_not_found");
    if (patch.teamLeadId != null && !(await tx.teamlead.findUnique({ where: { id: patch.teamLeadId }, select: { id: true } }))) {
      throw new DomainError("teamlead_not_found", undefined, { param: "teamLeadId" });
    }
    const current = await tx.trader.findUniqueOrThrow({
      where: { id: traderId },
      select: { isActive: true, trafficPriority: true, payinReward: true, payoutReward: true, teamLeadId: true, isSandbox: true },
    });
    const { isSandbox, ...editable } = current;
    const { oldValues, newValues, changed } = changedFields<Record<string, unknown>>(editable, patch);
    if (!changed) return { changed: false };
    const activating = newValues.isActive === true;
    const checked = (field: "payinReward" | "payoutReward") => (field in newValues || activating ? String(patch[field] ?? current[field]) : undefined);
    await assertRewardsWithinCommissions(tx, { payin: checked("payinReward"), payout: checked("payoutReward") }, { sandbox: isSandbox });
    await tx.trader.update({ where: { id: traderId }, data: newValues as Prisma.TraderUncheckedUpdateInput });
    await recordAudit(tx, actor, { action: "trader_updated", entityType: "trader", entityId: traderId, oldValues, newValues });
    return { changed: true };
  });
}
