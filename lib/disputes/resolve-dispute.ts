import "server-only";
import { runTransaction } from "@/lib/db/run-transaction";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { verifyStaff } from "@/lib/auth/verify-staff";
import { DomainError } from "@/lib/errors/domain-error";
import type { Dispute } from "@/lib/generated/prisma/client";
import { lockOrder } from "@/lib/orders/load-order";
import { completeLockedPayin } from "@/lib/orders/complete-locked-payin";
import { completePayout } from "@/lib/orders/complete-payout";
import { endLockedOrder } from "@/lib/orders/end-order";
import type { OrderForApi } from "@/lib/orders/serialize-order";
import { requireDisputeText } from "./limits";

const SUPPORT_ONLY = new DomainError("support_only", "Only support can resolve disputes.");

export type DisputeOutcome = "completed" | "cancelled";

export interface ResolveDisputeInput {
  disputeId: number;
  outcome: DisputeOutcome;
  note: string;
  actor: Actor;
  /** When it happens; now by default (the simulator passes its clock). */
  now?: Date;
}

/**
 * Support decides an open dispute, with a mandatory note:
 * - `completed`: the order completes exactly as the engine completes it (pay-in: the trader's
 *   hold pays the store u·(1−s), the trader's reward and the platform's profit; payout: the
 *   store's hold repays the trader);
 * - `cancelled`: the order is cancelled and every hold is released (failure_reason
 *   `dispute_cancelled`).
 * The order's transition (history, ledger, audit, merchant callback) and the dispute row
 * (status, note, resolver, time) change in one transaction under the order's lock, so of two
 * supports resolving at once exactly one wins; the other gets 409 dispute_resolved.
 * Only an active support user with the disputes.resolve permission may resolve
 * (lib/auth/permissions.ts: granted unless their granted_permissions withhold it).
 */
export async function resolveDispute({ disputeId, outcome, note, actor, now }: ResolveDisputeInput): Promise<{ order: OrderForApi; dispute: Dispute }> {
  const text = requireDisputeText(note, "note");
  return runTransaction(async (tx) => {
    // Checked to be support just now: the lifecycle sees the support party.
    const resolver = await verifyStaff(tx, actor, { support: "disputes.resolve" }, SUPPORT_ONLY);
    const target = await tx.dispute.findUnique({ where: { id: disputeId }, select: { orderId: true } });
    if (!target) throw new DomainError("dispute_not_found", `No dispute ${disputeId}.`, { param: "dispute_id" });
    const order = await lockOrder(tx, target.orderId);
    // Read again under the order's lock (a new statement sees every resolution committed before it).
    const dispute = await tx.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    if (dispute.status !== "open") {
      throw new DomainError("dispute_resolved", `Dispute ${disputeId} is already ${dispute.status.replace("_", " ")}.`);
    }
    if (order.status !== "disputed") {
      throw new DomainError("invalid_state", `The order is ${order.status}; only a disputed order can be resolved.`);
    }
    // Leaving `disputed` closes the open dispute in the transition's own statement, with the note.
    const updated =
      outcome === "cancelled"
        ? await endLockedOrder(tx, order, "cancelled", resolver, { note: text, reason: "dispute_cancelled", now })
        : order.type === "payin"
          ? await completeLockedPayin(tx, order, resolver, text)
          : await completePayout(tx, order, resolver, text);
    const resolved = await tx.dispute.findUniqueOrThrow({ where: { id: disputeId } });
    await recordAudit(tx, actor, {
      action: "dispute.resolved",
      entityType: "dispute",
      entityId: disputeId,
      oldValues: { status: dispute.status },
      newValues: { status: resolved.status, orderId: order.id, note: text },
    });
    return { order: updated, dispute: resolved };
  });
}
