import type { Dispute } from "@/lib/generated/prisma/client";
import { serializeOrder } from "@/lib/orders/serialize-order";
import type { OpenedDispute } from "./open-dispute";

/** The dispute as the gateway API shows it (lib/api/schemas/dispute.ts documents it). */
export function serializeDispute(dispute: Dispute, evidenceCount: number) {
  return {
    id: dispute.id,
    status: dispute.status,
    opened_via: dispute.openedVia,
    reason: dispute.reason,
    evidence_count: evidenceCount,
    created_at: dispute.createdAt.toISOString(),
  };
}

/** POST /payin/{id}/dispute's answer: the order object with its open dispute. */
export function serializeDisputedOrder(result: OpenedDispute) {
  return { ...serializeOrder(result.order), dispute: serializeDispute(result.dispute, result.evidenceCount) };
}
