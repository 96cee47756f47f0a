import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors/domain-error";
import type { RequisiteForApi } from "./serialize-order";

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
  currency_code: string;
  expires_at: Date | null;
  ended_at: Date | null;
  failure_reason: string | null;
  /** The store's commission and the trader's reward fixed on the order (decimal strings). */
  store_commission: string;
  trader_reward: string | null;
  /** A `created` payout's current offer. */
  offered_trader_id: number | null;
  offered_requisite_id: number | null;
  offer_expires_at: Date | null;
  declined_trader_ids: number[];
  /** The matched requisite as the API shows it (null before matching and for payouts' lack of one). */
  requisite: RequisiteForApi | null;
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
  // The currency and requisite come along (not locked) so that the transition can build the
  // order's API object without reading them again.
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT o.id, o.type, o.status, o.store_id, o.trader_id, o.requisite_id, o.currency_id, o.amount,
           o.crypto_amount, o.rate::text AS rate, o.customer_id, c.code AS currency_code, o.expires_at, o.ended_at, o.failure_reason,
           o.store_commission::text AS store_commission, o.trader_reward::text AS trader_reward, o.offered_trader_id,
           o.offered_requisite_id, o.offer_expires_at, COALESCE(o.declined_trader_ids, '{}') AS declined_trader_ids,
           CASE WHEN r.id IS NULL THEN NULL
                ELSE json_build_object('type', r.type, 'details', r.details,
                                       'bank', CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('name', b.name) END)
           END AS requisite
    FROM incoming_orders o
    JOIN currencies c ON c.id = o.currency_id
    LEFT JOIN req_trader r ON r.id = o.requisite_id
    LEFT JOIN banks b ON b.id = r.bank_id
    WHERE o.id = ${id}
    FOR UPDATE OF o`;
  const order = rows[0];
  if (
    !order ||
    (scope.storeId !== undefined && order.store_id !== scope.storeId) ||
    (scope.traderId !== undefined && order.trader_id !== scope.traderId)
  ) {
    throw new DomainError("order_not_found", `No order ${id}.`, { param: "id" });
  }
  return order;
}
