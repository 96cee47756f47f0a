import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-error";
import { auditInsertSql, type Actor } from "@/lib/audit/record-audit";
import { postMovements } from "@/lib/ledger/post-movements";
import type { Movement } from "@/lib/ledger/accounts";
import { callbackInsertSql } from "@/lib/callbacks/enqueue-callback";
import { afterCommit, emitAfterCommit } from "@/lib/db/run-transaction";
import { countOrderStatus } from "@/lib/observability/order-metrics";
import { orderChanged, orderDeadlineSet } from "@/lib/jobs/order-events";
import { OPEN_STATUSES } from "./statuses";
import { refusalOf } from "./lifecycle";
import { partyOf } from "./party-of";
import type { LockedOrder } from "./load-order";
import type { OrderForApi, RequisiteForApi } from "./serialize-order";

/** Commission details recorded on the order_history row of a completion. */
export interface HistoryCommissions {
  storeCommission?: { toString(): string } | null;
  storeCommissionAmount?: bigint | null;
  traderCommission?: { toString(): string } | null;
  traderCommissionAmount?: bigint | null;
  platformProfit?: bigint | null;
}

export interface TransitionInput {
  order: LockedOrder;
  to: OrderStatus;
  actor: Actor;
  /** Extra columns set with the status (timestamps, requisite, rate…). */
  patch?: Prisma.IncomingOrderUncheckedUpdateInput;
  movements?: Movement[];
  history?: HistoryCommissions;
  note?: string | null;
  /** The requisite this transition matches the order to: shown in the API object, marked used. */
  matched?: RequisiteForApi;
  /** When it happens (ended_at of an order that ends); now by default — the simulator's clock passes its own. */
  now?: Date;
}

const decimalOrNull = (value: { toString(): string } | null | undefined) => (value == null ? null : value.toString());

const END_STATUSES: readonly OrderStatus[] = ["cancelled", "expired", "failed"];

/**
 * Refuses a move the lifecycle table (lib/orders/lifecycle.ts) does not give this actor's
 * party: 409 invalid_state when the party may make it from another state, 403 when never.
 */
export function assertMayTransition(order: Pick<LockedOrder, "type" | "status">, to: OrderStatus, actor: Actor): void {
  const party = partyOf(actor);
  const refusal = party ? refusalOf(order.type, order.status, to, party) : "party";
  if (refusal === "state") {
    throw new DomainError("invalid_state", `The ${order.type} is ${order.status}; it cannot become ${to} now.`);
  }
  if (refusal === "party") {
    throw new DomainError("transition_forbidden", `A ${party ?? actor.role ?? actor.type} may not move a ${order.type} to ${to}.`);
  }
}

/**
 * One status change of an order already locked by `lockOrder`. The lifecycle table decides
 * whether this actor may make it (see assertMayTransition; a refusal changes nothing);
 * otherwise it updates the order, posts the balance movements, and appends the order_history
 * row, the audit entry and the merchant callback — all in the caller's transaction. An order
 * leaves `disputed` only with its open dispute closed in the same statement, with the note as
 * the resolution, so a disputed order and an open dispute always go together.
 *
 * Round trips are kept fixed and few (this is on the pay-in hot path): one UPDATE, one
 * statement for everything appended, and one statement per balance movement, last. The API object
 * is built from the updated row plus what the locked order (or the match) already carries.
 * After the commit, events announce the callback to deliver and any new deadline.
 */
export async function transitionOrder(tx: Tx, input: TransitionInput): Promise<OrderForApi> {
  const { order, to, actor } = input;
  assertMayTransition(order, to, actor);
  const leavesDispute = order.status === "disputed";
  if (leavesDispute && !input.note?.trim()) {
    throw new DomainError("note_required", "Resolving a disputed order needs a note.", { param: "note" });
  }
  const endedAt = END_STATUSES.includes(to) ? { endedAt: input.now ?? new Date() } : {};
  // An order that leaves `created` is no longer offered to anyone, nor due for matching.
  const unoffered = order.status === "created" ? { offeredTraderId: null, offeredRequisiteId: null, offerExpiresAt: null, nextMatchAt: null } : {};
  const row = await tx.incomingOrder.update({ where: { id: order.id }, data: { ...endedAt, ...unoffered, ...input.patch, status: to } });
  const updated: OrderForApi = { ...row, currency: { code: order.currency_code }, requisite: input.matched ?? order.requisite };

  const h = input.history ?? {};
  const closeDispute = leavesDispute
    ? Prisma.sql`, closed AS (UPDATE disputes SET status = ${to === "completed" ? "resolved_completed" : "resolved_cancelled"}::dispute_status,
                  resolution_note = ${input.note ?? null}, resolved_by = ${actor.userId ?? null}::int, resolved_at = now()
                  WHERE order_id = ${order.id} AND status = 'open')`
    : Prisma.empty;
  const touchRequisite = input.matched && updated.requisiteId !== null
    ? Prisma.sql`, touched AS (UPDATE req_trader SET last_used_at = ${updated.matchedAt ?? updated.updatedAt} WHERE id = ${updated.requisiteId}::int)`
    : Prisma.empty;
  await tx.$executeRaw`
    WITH history AS (
      INSERT INTO order_history (incoming_order_id, requisite_id, trader_id, rate, from_status, status, actor_user_id,
                                 actor_type, note, store_commission, store_commission_amount, trader_commission,
                                 trader_commission_amount, platform_profit)
      VALUES (${order.id}, ${updated.requisiteId}::int, ${updated.traderId}::int, ${decimalOrNull(updated.rate)}::numeric,
              ${order.status}::order_status, ${to}::order_status, ${actor.userId ?? null}::int, ${actor.type}, ${input.note ?? null},
              ${decimalOrNull(h.storeCommission)}::numeric, ${h.storeCommissionAmount ?? null}::bigint,
              ${decimalOrNull(h.traderCommission)}::numeric, ${h.traderCommissionAmount ?? null}::bigint, ${h.platformProfit ?? null}::bigint)
    ), audit AS (${auditInsertSql(actor, {
      action: `order.${to}`,
      entityType: "order",
      entityId: order.id,
      oldValues: { status: order.status },
      newValues: { status: to, ...(input.note ? { note: input.note } : {}) },
    })})${touchRequisite}${closeDispute}
    ${callbackInsertSql(updated)}`;
  // The balances last (the store's and the platform's last of all, see lockKey): their row
  // locks are then held only until the commit that follows, not through the rest of the work.
  if (input.movements?.length) await postMovements(tx, input.movements);

  announceTransition(tx, updated);
  return updated;
}

/** After the commit: the events for the callback to deliver and any new deadline, and the status counter. */
export function announceTransition(tx: Tx, updated: Pick<OrderForApi, "id" | "type" | "status" | "expiresAt" | "storeId">): void {
  const { id, type, status: to } = updated;
  emitAfterCommit(tx, orderChanged.create({ orderId: id, status: to, storeId: updated.storeId }, { id: `order-changed-${id}-${to}` }));
  afterCommit(tx, () => countOrderStatus(type, to));
  if (updated.expiresAt && (OPEN_STATUSES as readonly string[]).includes(to)) {
    const expiresAt = updated.expiresAt.toISOString();
    emitAfterCommit(tx, orderDeadlineSet.create({ orderId: id, expiresAt }, { id: `order-deadline-${id}-${expiresAt}` }));
  }
}
