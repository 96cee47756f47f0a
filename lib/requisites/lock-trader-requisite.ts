import "server-only";
import type { Tx } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { RequisiteStatus } from "@/lib/generated/prisma/enums";

/**
 * Locks one of the trader's requisites for the rest of the transaction, so the values an
 * audit row records as "old" are the ones the update replaces (matching locks the same row
 * while it routes an order). Another trader's requisite is "not found", never "forbidden".
 * A requisite the platform blocked stays as the platform left it.
 */
export async function lockTraderRequisite(tx: Tx, traderId: number, requisiteId: number): Promise<{ id: number; status: RequisiteStatus }> {
  const [row] = await tx.$queryRaw<{ id: number; status: RequisiteStatus }[]>`
    SELECT id, status FROM req_trader WHERE id = ${requisiteId} AND trader_id = ${traderId} FOR UPDATE`;
  if (!row) throw new DomainError("requisite_not_found", `No requisite ${requisiteId}.`, { param: "id" });
  if (row.status === "blocked") {
    throw new DomainError("requisite_blocked", undefined, { param: "id" });
  }
  return row;
}
