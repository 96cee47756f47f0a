import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { newWebhookSecret } from "@/lib/callbacks/rotate-webhook-secret";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { assertCommissionsCoverRewards } from "./platform-share";
import { fractionSchema } from "@/lib/validation/schemas";
import { parseInput } from "@/lib/validation/messages";
import { ensureSandboxTrader } from "@/lib/sandbox/ensure-sandbox-trader";

export const storeCreateSchema = z.object({
  merchantUserId: z.number().int().positive().max(2_147_483_647),
  name: z.string().trim().min(1).max(120),
  /** Fractions 0 ≤ x < 1 ("0.03" = 3 %), per direction. */
  payinCommission: fractionSchema,
  payoutCommission: fractionSchema,
  /** A sandbox store (README "Sandbox"): fixed for good; its commissions are 0 whatever is sent. */
  isSandbox: z.boolean().optional(),
});

/**
 * Opens a store for a merchant — also one still invited (inactive until they accept), so the
 * store is there at their first sign-in; a merchant invited by an admin has none until then —
 * with its commissions, a fresh webhook secret, no callback URL and no API key — the merchant
 * sets those in their cabinet. The commissions may not fall below an active trader's reward
 * of their direction (./platform-share.ts). Audited with the new values; the secret is never
 * written to the audit log.
 */
export async function createStore(input: z.input<typeof storeCreateSchema>, actor: Actor): Promise<{ storeId: number }> {
  const parsed = parseInput(storeCreateSchema, input);
  // Sandbox money is not real: the platform earns nothing from it (its share is exactly 0).
  const data = parsed.isSandbox ? { ...parsed, payinCommission: "0", payoutCommission: "0" } : parsed;
  const isSandbox = data.isSandbox ?? false;
  return runTransaction(async (tx) => {
    await assertAdmin(tx, actor);
    const owner = await tx.user.findFirst({ where: { id: data.merchantUserId, role: { name: "merchant" } }, select: { id: true } });
    if (!owner) throw new DomainError("not_a_merchant", undefined, { param: "merchantUserId" });
    await assertCommissionsCoverRewards(tx, { payin: data.payinCommission, payout: data.payoutCommission }, { sandbox: isSandbox });
    if (isSandbox) await ensureSandboxTrader(tx);
    const store = await tx.merchantStore.create({
      data: { userId: owner.id, name: data.name, payinCommission: data.payinCommission, payoutCommission: data.payoutCommission, webhookSecret: newWebhookSecret(), isSandbox },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "store_created",
      entityType: "store",
      entityId: store.id,
      newValues: { merchantUserId: owner.id, name: data.name, payinCommission: data.payinCommission, payoutCommission: data.payoutCommission, isSandbox },
    });
    return { storeId: store.id };
  });
}
