import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, toJson, type Actor } from "@/lib/audit/record-audit";
import { newOrderId } from "@/lib/ids/ulid";
import type { LockedOrder } from "./load-order";

export interface NewOrder {
  type: "payin" | "payout";
  storeId: number;
  currencyId: number;
  now: Date;
  amount: bigint;
  customerId: string;
  merchantOrderId: string;
  metadata?: unknown;
  /** Type-specific columns (payment method; a payout's destination, rate and USDT value). */
  extra?: Partial<Prisma.IncomingOrderUncheckedCreateInput>;
}

/**
 * Inserts a new order in `created` with its audit entry (the first row of its story) and
 * returns it as a locked order: no other transaction can see the row before this one commits.
 */
export async function insertOrder(tx: Tx, order: NewOrder, actor: Actor): Promise<LockedOrder> {
  const { type, storeId, currencyId, now, amount, customerId, merchantOrderId, metadata, extra } = order;
  const data: Prisma.IncomingOrderUncheckedCreateInput = {
    id: newOrderId(type, now),
    type,
    storeId,
    amount,
    originalAmount: amount,
    currencyId,
    customerId,
    merchantOrderId,
    metadata: metadata == null ? undefined : toJson(metadata),
    createdAt: now,
    nextMatchAt: now,
    ...extra,
  };
  const row = await tx.incomingOrder.create({ data });
  await recordAudit(tx, actor, {
    action: "order.created",
    entityType: "order",
    entityId: data.id,
    newValues: { status: "created", type: data.type, amount: data.amount, merchant_order_id: data.merchantOrderId },
  });
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    store_id: row.storeId,
    trader_id: row.traderId,
    requisite_id: row.requisiteId,
    currency_id: row.currencyId,
    amount: row.amount,
    crypto_amount: row.cryptoAmount,
    rate: row.rate?.toString() ?? null,
    customer_id: row.customerId,
  };
}

/** Maps the unique (store_id, merchant_order_id) violation to a 409 the merchant can act on. */
export function duplicateOrderError(error: unknown, merchantOrderId: string): unknown {
  if ((error as { code?: string })?.code !== "P2002") return error;
  return new DomainError(
    "conflict",
    "duplicate_merchant_order_id",
    `An order with merchant_order_id ${merchantOrderId} already exists.`,
    "merchant_order_id",
  );
}
