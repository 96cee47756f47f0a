import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { changedFields } from "@/lib/audit/changed-fields";
import { parseInput } from "@/lib/validation/messages";

export const currencyUpdateSchema = z.object({
  currencyId: z.number().int().positive(),
  isActive: z.boolean().optional(),
  /** The currency's circuit breaker: while on, no new order in it is matched. */
  isPaused: z.boolean().optional(),
});

export type CurrencyUpdateInput = z.input<typeof currencyUpdateSchema>;

/** Switches a currency on/off or pauses its matching, audited with the old and new flags. */
export async function updateCurrency(input: CurrencyUpdateInput, actor: Actor): Promise<{ changed: boolean }> {
  const { currencyId, ...patch } = parseInput(currencyUpdateSchema, input);
  return runTransaction(async (tx) => {
    await assertAdmin(tx, actor);
    const [current] = await tx.$queryRaw<{ isActive: boolean; isPaused: boolean }[]>`
      SELECT is_active AS "isActive", is_paused AS "isPaused" FROM currencies WHERE id = ${currencyId} FOR UPDATE`;
    if (!current) throw new DomainError("currency_not_found");
    const { oldValues, newValues, changed } = changedFields(current, patch);
    if (!changed) return { changed: false };
    await tx.currency.update({ where: { id: currencyId }, data: newValues });
    await recordAudit(tx, actor, { action: "currency_updated", entityType: "currency", entityId: currencyId, oldValues, newValues });
    return { changed: true };
  });
}
