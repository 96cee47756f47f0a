import "server-only";
import { prisma, type Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { DataWorld } from "@/lib/sandbox/data-world";

/** The ids of the stores this merchant user owns in one world (live unless asked), in id order: live and sandbox data never mix. */
export async function listOwnedStoreIds(merchantUserId: number, world: DataWorld = "live"): Promise<number[]> {
  const stores = await prisma.merchantStore.findMany({ where: { userId: merchantUserId, isSandbox: world === "sandbox" }, orderBy: { id: "asc" }, select: { id: true } });
  return stores.map((store) => store.id);
}

/** The merchant's stores of one world (live unless asked) as a filter or a form offers them: id and name. */
export function listOwnedStoreNames(merchantUserId: number, world: DataWorld = "live"): Promise<{ id: number; name: string }[]> {
  return prisma.merchantStore.findMany({ where: { userId: merchantUserId, isSandbox: world === "sandbox" }, orderBy: { id: "asc" }, select: { id: true, name: true } });
}

function storeNotFound(storeId: number): DomainError {
  return new DomainError("store_not_found", `No store ${storeId}.`, { param: "store_id" });
}

/**
 * Checks that `storeId` belongs to this merchant user. Another merchant's store is "not
 * found", never "forbidden": a merchant cannot even learn that it exists.
 */
export async function assertOwnedStore(merchantUserId: number, storeId: number): Promise<void> {
  const store = await prisma.merchantStore.findFirst({ where: { id: storeId, userId: merchantUserId }, select: { id: true } });
  if (!store) throw storeNotFound(storeId);
}

/**
 * Locks the merchant's store row for the rest of the transaction (FOR UPDATE), so a change
 * and the audit row of its old value cannot interleave with another change of the same store.
 */
export async function lockOwnedStore(tx: Tx, merchantUserId: number, storeId: number): Promise<{ id: number; callbackUrl: string | null }> {
  const rows = await tx.$queryRaw<{ id: number; callbackUrl: string | null }[]>`
    SELECT id, callback_url AS "callbackUrl" FROM merchant_store
    WHERE id = ${storeId}::int AND user_id = ${merchantUserId}::int
    FOR UPDATE`;
  if (rows.length === 0) throw storeNotFound(storeId);
  return rows[0];
}
