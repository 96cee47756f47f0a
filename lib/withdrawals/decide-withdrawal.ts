import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { WithdrawalRequest } from "@/lib/generated/prisma/client";
import type { WithdrawalStatus } from "@/lib/generated/prisma/enums";
import type { Movement } from "@/lib/ledger/accounts";
import { postMovements } from "@/lib/ledger/post-movements";
import { withdrawalNoteSchema } from "./withdrawal-schemas";

export type WithdrawalDecision = Extract<WithdrawalStatus, "approved" | "rejected">;

/** Only an active admin decides where a store's money goes. */
async function assertAdmin(tx: Tx, actor: Actor): Promise<number> {
  const admin = actor.type === "user" && actor.userId
    ? await tx.user.findFirst({ where: { id: actor.userId, isActive: true, role: { name: "admin" } }, select: { id: true } })
    : null;
  if (!admin) throw new DomainError("admin_only", "Only an admin can approve or reject withdrawals.");
  return admin.id;
}

/** What each decision does with the held amount: paid out (leaves the ledger) or back to available. */
function decisionMovement(request: { storeId: number; currencyId: number; amount: bigint }, decision: WithdrawalDecision): Movement {
  const account = { kind: "store", storeId: request.storeId, currencyId: request.currencyId } as const;
  return decision === "approved"
    ? { account, delta: 0n, heldDelta: -request.amount, reason: "withdrawal_paid" }
    : { account, delta: request.amount, heldDelta: -request.amount, reason: "withdrawal_release" };
}

/**
 * Decides a pending withdrawal in one transaction: the request row is locked (FOR UPDATE) and
 * its status compared-and-set from pending, so of two concurrent decisions exactly one wins and
 * the other gets `invalid_state` having changed nothing; the hold moves as decided; an audit
 * row records it.
 */
export async function decideWithdrawal(id: number, decision: WithdrawalDecision, actor: Actor, note: string | null): Promise<WithdrawalRequest> {
  return runTransaction(async (tx) => {
    const decidedById = await assertAdmin(tx, actor);
    const [request] = await tx.$queryRaw<{ storeId: number; currencyId: number; amount: bigint; status: WithdrawalStatus }[]>`
      SELECT store_id AS "storeId", currency_id AS "currencyId", amount, status::text AS status
      FROM withdrawal_requests WHERE id = ${id}::int FOR UPDATE`;
    if (!request) throw new DomainError("withdrawal_not_found", `No withdrawal ${id}.`, { param: "id" });
    if (request.status !== "pending") {
      throw new DomainError("withdrawal_already_decided", `Withdrawal ${id} is already ${request.status}.`);
    }
    await postMovements(tx, [decisionMovement(request, decision)]);
    const decidedAt = new Date();
    const updated = await tx.withdrawalRequest.updateManyAndReturn({
      where: { id, status: "pending" },
      data: { status: decision, note, decidedById, decidedAt },
    });
    // The row lock makes this impossible; if it ever happens, the transaction must not commit.
    if (updated.length !== 1) throw new Error(`Withdrawal ${id} changed under its row lock`);
    await recordAudit(tx, actor, {
      action: `withdrawal.${decision}`,
      entityType: "withdrawal",
      entityId: id,
      oldValues: { status: request.status },
      newValues: { status: decision, note, amount: request.amount, store_id: request.storeId },
    });
    return updated[0];
  });
}

/** A decision note, trimmed; empty is null. Too long, or missing when `required`, is refused. */
export function parseNote(note: string | undefined, required: boolean): string | null {
  const parsed = withdrawalNoteSchema.safeParse(note ?? "");
  if (!parsed.success) throw new DomainError("note_too_long", undefined, { param: "note" });
  if (required && parsed.data === "") throw new DomainError("note_required", "Say why the withdrawal is rejected.", { param: "note" });
  return parsed.data === "" ? null : parsed.data;
}
