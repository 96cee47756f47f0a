import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { rotateWebhookSecret } from "@/lib/callbacks/rotate-webhook-secret";
import { assertOwnedStore } from "./owned-stores";

/**
 * Rotates a merchant's store webhook secret (rotateWebhookSecret does not check who asks; this
 * does). The new secret is returned to be shown once. Another merchant's store is "not found"
 * and keeps its secret.
 */
export async function rotateStoreWebhookSecret(merchantUserId: number, storeId: number, actor: Actor): Promise<{ secret: string; rotatedAt: Date }> {
  await assertOwnedStore(merchantUserId, storeId);
  return rotateWebhookSecret(storeId, actor);
}
