import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { postMovements } from "@/lib/ledger/post-movements";
import type { Movement } from "@/lib/ledger/accounts";
import { enqueueCallback } from "@/lib/callbacks/enqueue-callback";
import { canTransition } from "./statuses";
import type { LockedOrder } from "./load-order";
import { ORDER_API_INCLUDE } from "./get-order";

export interface TransitionInput {
  order: LockedOrder;
  to: OrderStatus;
  actor: Actor;
  /** Extra columns set with the status (timestamps, requisite, rate…). */
  patch?: Prisma.IncomingOrderUncheckedUpdateInput;
  movements?: Movement[];
  /** Commission details recorded on the order_history row. */
  history?: Partial<Prisma.OrderHistoryUncheckedCreateInput>;
  note?: string | null;
}

/**
 * One status change of an order already locked by `lockOrder`: refuses an illegal transition
 * with `invalid_state` (nothing changes), otherwise updates the order, posts the balance
 * movements, appends order_history and audit rows and enqueues the merchant callback — all in
 * the caller's transaction.
 */
export async function transitionOrder(tx: Tx, input: TransitionInput) {
  const { order, to, actor } = input;
  if (!canTransition(order.type, order.status, to)) {
    throw new DomainError("invalid_state", "invalid_state", `The order is ${order.status}; it cannot become ${to}.`);
  }
  const updated = await tx.incomingOrder.update({
    where: { id: order.id },
    data: { ...input.patch, status: to },
    include: ORDER_API_INCLUDE,
  });
  if (input.movements?.length) await postMovements(tx, input.movements);
  await tx.orderHistory.create({
    data: {
      incomingOrderId: order.id,
      requisiteId: updated.requisiteId,
      traderId: updated.traderId,
      rate: updated.rate,
      fromStatus: order.status,
      status: to,
      actorUserId: actor.userId ?? null,
      actorType: actor.type,
      note: input.note ?? null,
      ...input.history,
    },
  });
  await recordAudit(tx, actor, {
    action: `order.${to}`,
    entityType: "order",
    entityId: order.id,
    oldValues: { status: order.status },
    newValues: { status: to, ...(input.note ? { note: input.note } : {}) },
  });
  await enqueueCallback(tx, updated);
  return updated;
}
