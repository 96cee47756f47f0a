import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import type { WithdrawalRequest } from "@/lib/generated/prisma/client";
import { decideWithdrawal, parseNote } from "./decide-withdrawal";

/**
 * An admin approves a pending withdrawal: the held amount is paid out (held −a, reason
 * withdrawal_paid) and the request becomes approved. Refused with `invalid_state` when it is
 * no longer pending (a second approval, or one racing a rejection), with `admin_only` for
 * anyone but an active admin.
 */
export async function approveWithdrawal(id: number, actor: Actor, note?: string): Promise<WithdrawalRequest> {
  return decideWithdrawal(id, "approved", actor, parseNote(note, false));
}
