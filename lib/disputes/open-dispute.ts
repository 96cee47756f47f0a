import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { Prisma, type Dispute } from "@/lib/generated/prisma/client";
import { lockOrder, type LockedOrder } from "@/lib/orders/load-order";
import { assertMayTransition, transitionOrder } from "@/lib/orders/transition-order";
import { mayTransition } from "@/lib/orders/lifecycle";
import { partyOf } from "@/lib/orders/party-of";
import { readSettings, type Settings } from "@/lib/settings/read-settings";
import { ORDER_API_INCLUDE } from "@/lib/orders/get-order";
import type { OrderForApi } from "@/lib/orders/serialize-order";
import { storeEvidence, storeEvidenceFiles, validateEvidence, type EvidenceFile } from "./evidence";
import { discardFilesOnFailure } from "@/lib/files/discard-files-on-failure";
import { lateDisputeRefusal, requireDisputeText, type LateDisputeRefusal } from "./limits";

const LATE_DISPUTE_REFUSALS: Record<LateDisputeRefusal, (status: string, windowHours: number) => string> = {
  late_dispute_window_closed: (status, hours) => `A ${status} pay-in can be disputed for ${hours} hours after it ended; that window has closed.`,
  not_matched: () => "The pay-in was never matched to a trader: no one could have received the payment.",
  dispute_resolved: () => "Support has already decided this order; its decision stands.",
};

export type DisputeChannel = "merchant_api" | "merchant_cabinet" | "trader";

export interface OpenDisputeInput {
  orderId: string;
  /** Whose order it must be: the merchant's store, or (a trader's "the money did not arrive") the trader's. */
  storeId?: number;
  traderId?: number;
  reason: string;
  evidence: EvidenceFile[];
  actor: Actor;
  via: DisputeChannel;
  /** The time the windows are judged at; now by default (the simulator passes its clock). */
  now?: Date;
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
 * confirm"; for a payout "the money never arrived"), or the trader a paid pay-in ("the money
 * did not arrive"). Decisions, per docs/design.md's lifecycle (lib/orders/lifecycle.ts):
 *
 * - A `paid` order can be disputed: money has moved outside the platform and the parties
 *   disagree (a payout only within the merchant's confirmation window). So can an expired or
 *   cancelled pay-in within order.late_dispute_window_hours: the customer paid late. An `awaiting_payment` pay-in is refused (409 invalid_state): the merchant first
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
 * and put into storage before it (lib/files/), and deleted again if the transaction fails. Another store's order is "not found".
 */
export async function openDispute({ orderId, storeId, traderId, reason, evidence, actor, via, now = new Date() }: OpenDisputeInput): Promise<OpenedDispute> {
  const text = requireDisputeText(reason, "reason");
  validateEvidence(evidence);
  if (storeId === undefined && traderId === undefined) throw new Error("openDispute needs the store or trader scope");
  const settings = await readSettings();
  // Files go to storage before the transaction (not under the order's lock) and are deleted if it fails.
  const files = await storeEvidenceFiles(evidence);
  return discardFilesOnFailure(files, () =>
    runTransaction(async (tx) => {
      const order = await lockOrder(tx, orderId, { storeId, traderId });
      const result =
        order.status === "disputed" ? await joinSystemDispute(tx, order, text, actor, via) : await disputeOrder(tx, order, text, actor, via, settings, now);
      await storeEvidence(tx, { orderId, disputeId: result.dispute.id, uploadedVia: via, actor, files });
      const evidenceCount = await tx.receipt.count({ where: { disputeId: result.dispute.id } });
      return { ...result, evidenceCount };
    }),
  );
}

/**
 * Opens the dispute: the lifecycle table decides who may dispute from which state (a paid
 * order; a pay-in that expired or was cancelled, for the customer who paid late). The windows
 * are checked here: a paid payout only until its confirmation deadline, an ended pay-in only
 * within order.late_dispute_window_hours of its end and only if a trader had been matched.
 */
async function disputeOrder(tx: Tx, order: LockedOrder, reason: string, actor: Actor, via: DisputeChannel, settings: Settings, now: Date) {
  if (order.type === "payin" && order.status === "awaiting_payment" && via !== "trader") {
    throw new DomainError("invalid_state", "Only a paid order can be disputed; this one is awaiting_payment. Report the customer's payment first (POST /payin/{id}/confirm).");
  }
  assertMayTransition(order, "disputed", actor);
  if (order.type === "payout" && order.expires_at && order.expires_at <= now) {
    throw new DomainError("confirmation_window_closed");
  }
  if (order.status === "expired" || order.status === "cancelled") {
    const windowHours = settings["order.late_dispute_window_hours"];
    const disputeCount = await tx.dispute.count({ where: { orderId: order.id } });
    const refusal = lateDisputeRefusal({ endedAt: order.ended_at, traderId: order.trader_id, failureReason: order.failure_reason, disputeCount }, windowHours, now);
    if (refusal) throw new DomainError(refusal, LATE_DISPUTE_REFUSALS[refusal](order.status, windowHours));
  }
  const updated = await transitionOrder(tx, { order, to: "disputed", actor, note: reason, patch: { expiresAt: null } });
  const dispute = await createDispute(tx, { orderId: order.id, openedVia: via, openedById: actor.userId ?? null, reason });
  await recordAudit(tx, actor, { action: "dispute.opened", entityType: "dispute", entityId: dispute.id, newValues: { orderId: order.id, openedVia: via, reason } });
  return { order: updated, dispute, joined: false };
}

/** The order is disputed already: join the platform's own dispute, or refuse a second one. */
async function joinSystemDispute(tx: Tx, order: LockedOrder, reason: string, actor: Actor, via: DisputeChannel) {
  // Only a party who could have opened it may take over the platform's dispute.
  const party = partyOf(actor);
  if (!party || !mayTransition(order.type, "paid", "disputed", party)) {
    throw new DomainError("transition_forbidden", `A ${party ?? actor.type} may not dispute a ${order.type}.`);
  }
  const open = await tx.dispute.findFirst({ where: { orderId: order.id, status: "open" } });
  if (!open || open.openedVia !== "system") {
    throw new DomainError("dispute_open", `The order already has an open dispute${open ? ` (${open.id})` : ""}; support is handling it.`);
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
      throw new DomainError("dispute_open");
    }
    throw error;
  }
}
