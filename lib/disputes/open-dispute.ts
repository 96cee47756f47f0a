import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { Prisma, type Dispute } from "@/lib/generated/prisma/client";
import { lockOrder, type LockedOrder } from "@/lib/orders/load-order";
import { transitionOrder } from "@/lib/orders/transition-order";
import { ORDER_API_INCLUDE } from "@/lib/orders/get-order";
import type { OrderForApi } from "@/lib/orders/serialize-order";
import { storeEvidence, validateEvidence, type EvidenceFile } from "./evidence";
import { requireDisputeText } from "./limits";

export type DisputeChannel = "merchant_api" | "merchant_cabinet";

export interface OpenDisputeInput {
  orderId: string;
  storeId: number;
  reason: string;
  evidence: EvidenceFile[];
  actor: Actor;
  via: DisputeChannel;
}

export interface OpenedDispute {
  order: OrderForApi;
  dispute: Dispute;
  /** Evidence files attached to the dispute so far (this request's and any earlier ones). */
  evidenceCount: number;
  /** True when the request joined a dispute the platform had opened on its own (deadline sweep). */
  joined: boolean;
}

/**
 * The merchant disputes an order on the customer's behalf ("I paid, the trader did not
 * confirm"; for a payout "the money never arrived"). Decisions, per design.md's lifecycle:
 *
 * - Only a `paid` order can be disputed: money has moved outside the platform and the parties
 *   disagree. An `awaiting_payment` pay-in is refused (409 invalid_state): the merchant first
 *   reports the payment (POST /payin/{id}/confirm), which gives the trader the chance to
 *   confirm; if they do not before the deadline, the platform escalates it by itself.
 * - `paid → disputed` goes through the engine (history, audit, callback `payin.disputed`); the
 *   holds stay and the deadline is cleared, since support now decides.
 * - One open dispute per order (a partial unique index): a second one is 409 dispute_open.
 *   Exception: when the platform's deadline sweep already opened one (opened_via `system`),
 *   the merchant's report joins it rather than fail — it takes over the reason, channel and
 *   opener (the sweep's reason stays in the order's history note), and the evidence is
 *   attached. The take-over is audit-logged with the old values.
 *
 * Everything happens under the order's lock in one transaction; the evidence is validated
 * before anything is written. Another store's order is "not found".
 */
export async function openDispute({ orderId, storeId, reason, evidence, actor, via }: OpenDisputeInput): Promise<OpenedDispute> {
  const text = requireDisputeText(reason, "reason");
  validateEvidence(evidence);
  return runTransaction(async (tx) => {
    const order = await lockOrder(tx, orderId, { storeId });
    const result = order.status === "disputed" ? await joinSystemDispute(tx, order, text, actor, via) : await disputePaidOrder(tx, order, text, actor, via);
    await storeEvidence(tx, { orderId, disputeId: result.dispute.id, uploadedVia: via, actor, files: evidence });
    const evidenceCount = await tx.receipt.count({ where: { disputeId: result.dispute.id } });
    return { ...result, evidenceCount };
  });
}

async function disputePaidOrder(tx: Tx, order: LockedOrder, reason: string, actor: Actor, via: DisputeChannel) {
  if (order.status !== "paid") {
    const hint = order.type === "payin" && order.status === "awaiting_payment" ? " Report the customer's payment first (POST /payin/{id}/confirm)." : "";
    throw new DomainError("invalid_state", "invalid_state", `Only a paid order can be disputed; this one is ${order.status}.${hint}`);
  }
  const updated = await transitionOrder(tx, { order, to: "disputed", actor, note: reason, patch: { expiresAt: null } });
  const dispute = await createDispute(tx, { orderId: order.id, openedVia: via, openedById: actor.userId ?? null, reason });
  await recordAudit(tx, actor, { action: "dispute.opened", entityType: "dispute", entityId: dispute.id, newValues: { orderId: order.id, openedVia: via, reason } });
  return { order: updated, dispute, joined: false };
}

/** The order is disputed already: join the platform's own dispute, or refuse a second one. */
async function joinSystemDispute(tx: Tx, order: LockedOrder, reason: string, actor: Actor, via: DisputeChannel) {
  const open = await tx.dispute.findFirst({ where: { orderId: order.id, status: "open" } });
  if (!open || open.openedVia !== "system") {
    throw new DomainError("conflict", "dispute_open", `The order already has an open dispute${open ? ` (${open.id})` : ""}; support is handling it.`);
  }
  const dispute = await tx.dispute.update({ where: { id: open.id }, data: { openedVia: via, openedById: actor.userId ?? null, reason } });
  await recordAudit(tx, actor, {
    action: "dispute.joined",
    entityType: "dispute",
    entityId: open.id,
    oldValues: { openedVia: open.openedVia, openedById: open.openedById, reason: open.reason },
    newValues: { openedVia: via, openedById: actor.userId ?? null, reason },
  });
  const current = await tx.incomingOrder.findUniqueOrThrow({ where: { id: order.id }, include: ORDER_API_INCLUDE });
  return { order: current, dispute, joined: true };
}

/** Inserts the dispute; the one-open-dispute-per-order index turns a duplicate into dispute_open. */
async function createDispute(tx: Tx, data: { orderId: string; openedVia: string; openedById: number | null; reason: string }) {
  try {
    return await tx.dispute.create({ data });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("conflict", "dispute_open", "The order already has an open dispute; support is handling it.");
    }
    throw error;
  }
}
