import "server-only";
import type { Prisma, Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { lockOrder, type LockedOrder } from "./load-order";
import { transitionOrder } from "./transition-order";
import { releaseHolds } from "./hold-movements";

export type EndStatus = "cancelled" | "expired" | "failed";

/**
 * Ends an order without completing it — cancel (merchant or support), expiry (deadline
 * passed) or failure (no requisite in time) — and releases every hold it had.
 */
export async function endOrder(
  id: string,
  to: EndStatus,
  scope: { storeId?: number; traderId?: number },
  actor: Actor,
  options: { reason?: string; note?: string; now?: Date } = {},
) {
  return runTransaction(async (tx) => {
    const order = await lockOrder(tx, id, scope);
    if (to === "expired") {
      const row = await tx.incomingOrder.findUniqueOrThrow({ where: { id }, select: { expiresAt: true } });
      if (!row.expiresAt || row.expiresAt > (options.now ?? new Date())) {
        throw new DomainError("not_yet_expired");
      }
    }
    return endLockedOrder(tx, order, to, actor, { ...options, now: options.now });
  });
}

/** endOrder's change for an order the caller has already locked (sweeps deciding under the lock). */
export async function endLockedOrder(
  tx: Tx,
  order: LockedOrder,
  to: EndStatus,
  actor: Actor,
  options: { reason?: string; note?: string; patch?: Prisma.IncomingOrderUncheckedUpdateInput; now?: Date } = {},
) {
  const verb = to === "cancelled" ? "cancel" : to === "expired" ? "expire" : "fail";
  return transitionOrder(tx, {
    order,
    to,
    actor,
    note: options.note,
    now: options.now,
    patch: { ...options.patch, failureReason: options.reason ?? (to === "cancelled" ? null : to), nextMatchAt: null },
    movements: await releaseHolds(tx, order.id, `${order.type}_${verb}_release`),
  });
}
