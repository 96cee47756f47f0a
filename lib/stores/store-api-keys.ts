import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { keyPrefix, SANDBOX_KEY_PREFIX, sha256Hex } from "@/lib/auth/api-keys";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { lockOwnedStore } from "./owned-stores";

/** Enough for every environment and integration a store runs; more is a leak waiting to happen. */
export const MAX_ACTIVE_KEYS_PER_STORE = 20;

/**
 * A new key: "jp_live_" (a sandbox store's: "jp_sandbox_") and 32 URL-safe characters (192
 * random bits). The prefix tells a developer which world a key moves, and authentication
 * refuses a key whose prefix does not match its store's (lib/api/authenticate-request.ts).
 */
function newApiKey(sandbox: boolean): string {
  return `${sandbox ? SANDBOX_KEY_PREFIX : "jp_live_"}${randomBytes(24).toString("base64url")}`;
}

/**
 * Creates an API key for a merchant's store. Only its SHA-256 and a readable prefix are
 * stored; the key itself is returned once, to be shown once. Audit-logged (prefix, not key).
 * Another merchant's store is "not found" and gets no key.
 */
export async function createStoreApiKey(merchantUserId: number, storeId: number, name: string, actor: Actor) {
  let key = "";
  const row = await runTransaction(async (tx) => {
    // The store's row lock serialises key creation, so the cap holds under concurrency.
    await lockOwnedStore(tx, merchantUserId, storeId);
    const { isSandbox } = await tx.merchantStore.findUniqueOrThrow({ where: { id: storeId }, select: { isSandbox: true } });
    key = newApiKey(isSandbox);
    const active = await tx.merchantApiKey.count({ where: { storeId, revokedAt: null } });
    if (active >= MAX_ACTIVE_KEYS_PER_STORE) {
      throw new DomainError("too_many_api_keys", `A store can have at most ${MAX_ACTIVE_KEYS_PER_STORE} active keys; revoke one first.`);
    }
    const created = await tx.merchantApiKey.create({
      data: { storeId, name, keyPrefix: keyPrefix(key), keyHash: sha256Hex(key), createdById: actor.userId ?? null },
      select: { id: true, name: true, keyPrefix: true, createdAt: true },
    });
    await recordAudit(tx, actor, { action: "merchant_api_key.created", entityType: "merchant_api_key", entityId: created.id, newValues: { store_id: storeId, name, key_prefix: created.keyPrefix } });
    return created;
  });
  return { ...row, key };
}

/**
 * Revokes an API key of a merchant's store: from then on it answers 401. Revoking twice is
 * refused (`already_revoked`). Another merchant's key is "not found" and keeps working.
 */
export async function revokeStoreApiKey(merchantUserId: number, keyId: number, actor: Actor): Promise<void> {
  await runTransaction(async (tx) => {
    const key = await tx.merchantApiKey.findFirst({ where: { id: keyId, store: { userId: merchantUserId } }, select: { storeId: true } });
    if (!key) throw new DomainError("api_key_not_found", `No API key ${keyId}.`, { param: "key_id" });
    await lockOwnedStore(tx, merchantUserId, key.storeId);
    const now = new Date();
    const revoked = await tx.merchantApiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: now } });
    if (revoked.count === 0) throw new DomainError("already_revoked");
    await recordAudit(tx, actor, { action: "merchant_api_key.revoked", entityType: "merchant_api_key", entityId: keyId, newValues: { store_id: key.storeId, revoked_at: now } });
  });
}
