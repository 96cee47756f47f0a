import "server-only";
import { randomBytes } from "node:crypto";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

/** A new Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * Gives the store a new webhook secret and keeps the current one as the previous: callbacks
 * are signed with both for callbacks.secret_rotation_overlap_hours, so the merchant can switch
 * without a gap. Audit-logged (without the secrets). The new secret is returned once and can
 * be shown once; callers check that the actor may manage the store.
 */
export async function rotateWebhookSecret(storeId: number, actor: Actor, now = new Date()): Promise<{ secret: string; rotatedAt: Date }> {
  const secret = newWebhookSecret();
  await runTransaction(async (tx) => {
    // Prisma cannot copy one column into another in an update; one statement keeps it atomic.
    const updated = await tx.$executeRaw`
      UPDATE merchant_store
      SET webhook_secret_previous = webhook_secret, webhook_secret = ${secret},
          webhook_secret_rotated_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      WHERE id = ${storeId}::int`;
    if (updated === 0) throw new DomainError("store_not_found", `No store ${storeId}.`);
    await recordAudit(tx, actor, { action: "store.webhook_secret_rotated", entityType: "store", entityId: storeId, newValues: { rotated_at: now } });
  });
  return { secret, rotatedAt: now };
}
