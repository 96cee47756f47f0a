import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import type { WithdrawalRequest } from "@/lib/generated/prisma/client";
import { decideWithdrawal, parseNote } from "./decide-withdrawal";

/**
 * An admin rejects a pending withdrawal with a note saying why: the held amount returns to
 * the store's available balance (available +a, held −a, reason withdrawal_release). Refused
 * like approveWithdrawal when no longer pending or not an admin; an empty note is refused.
 */
export async function rejectWithdrawal(id: number, actor: Actor, note: string): Promise<WithdrawalRequest> {
  return decideWithdrawal(id, "rejected", actor, parseNote(note, true));
}
