import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors/domain-error";

export interface LockedOrder {
  id: string;
  type: OrderType;
  status: OrderStatus;
  store_id: number;
  trader_id: number | null;
  requisite_id: number | null;
  currency_id: number;
  amount: bigint;
  crypto_amount: bigint | null;
  rate: string | null;
  customer_id: string;
}

/**
 * Locks the order row for the rest of the transaction: every transition of one order is
 * serialised here, so a status read under this lock is the status the update replaces
 * (compare-and-set). `scope` hides other stores' or traders' orders as not found.
 */
export async function lockOrder(
  tx: Tx,
  id: string,
  scope: { storeId?: number; traderId?: number } = {},
): Promise<LockedOrder> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, type, status, store_id, trader_id, requisite_id, currency_id, amount, crypto_amount,
           rate::text AS rate, customer_id
    FROM incoming_orders WHERE id = ${id} FOR UPDATE`;
  const order = rows[0];
  if (
    !order ||
    (scope.storeId !== undefined && order.store_id !== scope.storeId) ||
    (scope.traderId !== undefined && order.trader_id !== scope.traderId)
  ) {
    throw new DomainError("not_found", "order_not_found", `No order ${id}.`, "id");
  }
  return order;
}
