import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

/** Inserts a new order in `created` with its audit entry (the first row of its story). */
export async function insertOrder(tx: Tx, data: Prisma.IncomingOrderUncheckedCreateInput, actor: Actor) {
  await tx.incomingOrder.create({ data });
  await recordAudit(tx, actor, {
    action: "order.created",
    entityType: "order",
    entityId: data.id,
    newValues: { status: "created", type: data.type, amount: data.amount, merchant_order_id: data.merchantOrderId },
  });
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
