import { DomainError } from "@/lib/errors/domain-error";
import { ACCEPTED_CONTENT_TYPES } from "@/lib/files/file-types";

/**
 * Limits of dispute input, shared by the engine, the API schema and the cabinet forms (this
 * module has no server-only imports, so client components may read the numbers).
 */

/** Longest dispute reason and resolution note (the columns are VARCHAR(2000)). */
export const DISPUTE_TEXT_MAX = 2000;

/** Evidence: the same kinds of file the receipt upload accepts (lib/files/file-types.ts), up to the same receipts.max_bytes. */
export const EVIDENCE_CONTENT_TYPES = ACCEPTED_CONTENT_TYPES;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** At most this many evidence files per dispute request. */
export const EVIDENCE_MAX_FILES = 5;

/**
 * Whether free text (a reason, a note) is storable and readable: well-formed Unicode without
 * control characters, except line breaks and tabs (a reason may have several lines).
 */
export function isPrintableText(text: string): boolean {
  return text.isWellFormed() && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/**
 * A mandatory free-text field (reason, note): trimmed, 1 to DISPUTE_TEXT_MAX printable
 * characters. Returns the trimmed text.
 */
export function requireDisputeText(value: string, param: "reason" | "note"): string {
  const text = value.trim();
  if (!text) throw new DomainError("invalid_value", `${param}: must not be empty.`, { param });
  if (text.length > DISPUTE_TEXT_MAX) {
    throw new DomainError("invalid_value", `${param}: must be at most ${DISPUTE_TEXT_MAX} characters.`, { param });
  }
  if (!isPrintableText(text)) {
    throw new DomainError("invalid_value", `${param}: must not contain control characters or invalid Unicode.`, { param });
  }
  return text;
}

export type LateDisputeRefusal = "late_dispute_window_closed" | "not_matched" | "dispute_resolved";

/**
 * Why an expired or cancelled pay-in can no longer be disputed as a late payment, or null when
 * it can: it ended within order.late_dispute_window_hours, a trader had it (someone could have
 * received the money), and support has not decided it already (a resolved dispute, a force
 * action). The engine (openDispute) refuses by it; the merchant's order page offers the form by it.
 */
export function lateDisputeRefusal(
  order: { endedAt: Date | null; traderId: number | null; failureReason: string | null; disputeCount: number },
  windowHours: number,
  now: Date,
): LateDisputeRefusal | null {
  if ((order.endedAt ?? now).getTime() + windowHours * 3600_000 <= now.getTime()) return "late_dispute_window_closed";
  if (order.traderId === null) return "not_matched";
  if (order.disputeCount > 0 || order.failureReason === "forced_cancel") return "dispute_resolved";
  return null;
}
