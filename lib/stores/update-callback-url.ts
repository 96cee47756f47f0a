import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { lockOwnedStore } from "./owned-stores";

/**
 * Sets (or with null clears) where the store's callbacks go, with an audit row of the old and
 * new URL in the same transaction; the old URL's circuit breaker is dropped, so a paused store's
 * callbacks go out to the new URL at once. `url` is validated by callbackUrlSchema (http or https).
 * Another merchant's store is "not found" and unchanged.
 */
export async function updateCallbackUrl(merchantUserId: number, storeId: number, url: string | null, actor: Actor): Promise<void> {
  await runTransaction(async (tx) => {
    const store = await lockOwnedStore(tx, merchantUserId, storeId);
    if (store.callbackUrl === url) return;
    await tx.merchantStore.update({ where: { id: storeId }, data: { callbackUrl: url } });
    // A new endpoint starts healthy: the old one's breaker (lib/callbacks/record-endpoint-outcome.ts) says nothing about it.
    await tx.callbackEndpoint.deleteMany({ where: { storeId } });
    await recordAudit(tx, actor, {
      action: "store.callback_url_updated",
      entityType: "store",
      entityId: storeId,
      oldValues: { callback_url: store.callbackUrl },
      newValues: { callback_url: url },
    });
  });
}
