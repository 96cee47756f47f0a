import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { changedFields } from "@/lib/audit/changed-fields";
import { assertCommissionsCoverRewards } from "./platform-share";
import { fractionSchema, storeLimitsSchema } from "@/lib/validation/schemas";
import { parseInput } from "@/lib/validation/messages";

export const storeUpdateSchema = z.object({
  storeId: z.number().int().positive(),
  /** Fractions 0 ≤ x < 1 ("0.03" = 3 %), per direction. */
  payinCommission: fractionSchema.optional(),
  payoutCommission: fractionSchema.optional(),
  isActive: z.boolean().optional(),
  /** {"payin":{"min":…,"max":…},"payout":{…}} in minor units. */
  limits: storeLimitsSchema.optional(),
});

export type StoreUpdateInput = z.input<typeof storeUpdateSchema>;

/**
 * Changes a store's commissions, active flag or amount limits, with one audit row holding the
 * old and new value of each changed field. New orders use the new values at once (they read
 * the store on creation); orders already created keep the commission fixed on them. A changed
 * commission — and both of them when the store is switched on — may not fall below an active
 * trader's reward of that direction (./platform-share.ts).
 */
export async function updateStore(input: StoreUpdateInput, actor: Actor): Promise<{ changed: boolean }> {
  const { storeId, ...patch } = parseInput(storeUpdateSchema, input);
  return runTransaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM merchant_store WHERE id = ${storeId} FOR UPDATE`;
    if (!locked) throw new DomainError("store_not_found");
    const current = await tx.merchantStore.findUniqueOrThrow({
      where: { id: storeId },
      select: { payinCommission: true, payoutCommission: true, isActive: true, limits: true, isSandbox: true },
    });
    const { isSandbox, ...editable } = current;
    const { oldValues, newValues, changed } = changedFields<Record<string, unknown>>(editable, patch);
    if (!changed) return { changed: false };
    const activating = newValues.isActive === true;
    const checked = (field: "payinCommission" | "payoutCommission") =>
      field in newValues || activating ? String(patch[field] ?? current[field]) : undefined;
    await assertCommissionsCoverRewards(tx, { payin: checked("payinCommission"), payout: checked("payoutCommission") }, { sandbox: isSandbox });
    await tx.merchantStore.update({ where: { id: storeId }, data: newValues as Prisma.MerchantStoreUpdateInput });
    await recordAudit(tx, actor, { action: "store_updated", entityType: "store", entityId: storeId, oldValues, newValues });
    return { changed: true };
  });
}
