import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { newWebhookSecret } from "@/lib/callbacks/rotate-webhook-secret";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/messages";
import { ensureSandboxTrader } from "./ensure-sandbox-trader";

export const sandboxStoreCreateSchema = z.object({
  name: z.string().trim().min(1).max(120),
});

/** A merchant keeps a few test stores, not a farm of them. */
export const MAX_SANDBOX_STORES_PER_MERCHANT = 5;

/**
 * A merchant opens a sandbox store for themselves (README "Sandbox"): is_sandbox fixed for good
 * (a trigger keeps it), commissions 0 so the platform's share of its test money is exactly 0, a
 * fresh webhook secret, no callback URL and no key yet — its keys are jp_sandbox_ ones. Its
 * orders reach only the simulated sandbox trader, which is made sure to exist now. Audited.
 */
export async function createSandboxStore(merchantUserId: number, input: z.input<typeof sandboxStoreCreateSchema>, actor: Actor): Promise<{ storeId: number }> {
  const { name } = parseInput(sandboxStoreCreateSchema, input);
  return runTransaction(async (tx) => {
    // The owner's row lock serialises their store creation, so the cap holds under concurrency.
    const [owner] = await tx.$queryRaw<{ id: number }[]>`
      SELECT u.id FROM users u JOIN roles r ON r.id = u.role_id
      WHERE u.id = ${merchantUserId}::int AND r.name = 'merchant' AND u.is_active
      FOR UPDATE OF u`;
    if (!owner) throw new DomainError("not_a_merchant");
    const existing = await tx.merchantStore.count({ where: { userId: owner.id, isSandbox: true } });
    if (existing >= MAX_SANDBOX_STORES_PER_MERCHANT) {
      throw new DomainError("invalid_value", `A merchant can have at most ${MAX_SANDBOX_STORES_PER_MERCHANT} sandbox stores.`, { param: "name" });
    }
    await ensureSandboxTrader(tx);
    const store = await tx.merchantStore.create({
      data: { userId: owner.id, name, isSandbox: true, payinCommission: "0", payoutCommission: "0", webhookSecret: newWebhookSecret() },
      select: { id: true },
    });
    await recordAudit(tx, actor, { action: "store_created", entityType: "store", entityId: store.id, newValues: { merchantUserId: owner.id, name, isSandbox: true, payinCommission: "0", payoutCommission: "0" } });
    return { storeId: store.id };
  });
}
