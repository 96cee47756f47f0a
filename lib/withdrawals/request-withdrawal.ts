import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import type { WithdrawalRequest } from "@/lib/generated/prisma/client";
import { postMovements } from "@/lib/ledger/post-movements";
import { withdrawalAddressSchema } from "./withdrawal-schemas";

export interface WithdrawalInput {
  storeId: number;
  /** A crypto currency the store holds, e.g. "USDT". */
  currencyCode: string;
  /** Minor units (micro-USDT). */
  amount: bigint;
  address: string;
}

/**
 * A store asks to be paid out: `amount` of its available balance is held (available −a,
 * held +a, reason withdrawal_hold) and a pending withdrawal_requests row records the request,
 * with an audit row, in one transaction. More than is available is refused with
 * `insufficient_funds` and nothing changes. Callers check that the actor may act for the store.
 */
export async function requestWithdrawal(input: WithdrawalInput, actor: Actor): Promise<WithdrawalRequest> {
  if (input.amount <= 0n) throw new DomainError("invalid_amount", undefined, { param: "amount" });
  const address = withdrawalAddressSchema.safeParse(input.address);
  if (!address.success) throw new DomainError("invalid_address", undefined, { param: "address" });

  return runTransaction(async (tx) => {
    const currency = await tx.currency.findUnique({ where: { code: input.currencyCode }, select: { id: true, kind: true, isActive: true } });
    if (!currency || currency.kind !== "crypto" || !currency.isActive) {
      throw new DomainError("unsupported_currency", `Withdrawals are paid in an active crypto currency, not ${input.currencyCode}.`, { param: "currency" });
    }
    const store = await tx.merchantStore.findUnique({ where: { id: input.storeId }, select: { isActive: true, isSandbox: true } });
    if (!store) throw new DomainError("store_not_found", `No store ${input.storeId}.`, { param: "store_id" });
    if (!store.isActive) throw new DomainError("store_inactive");
    // A sandbox store's balance came from simulated pay-ins: no customer paid it.
    if (store.isSandbox) throw new DomainError("sandbox_balance_not_withdrawable");

    await postMovements(tx, [
      { account: { kind: "store", storeId: input.storeId, currencyId: currency.id }, delta: -input.amount, heldDelta: input.amount, reason: "withdrawal_hold" },
    ]).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "insufficient_funds") {
        throw new DomainError("insufficient_funds", "The amount is more than the store's available balance.", { param: "amount" });
      }
      throw error;
    });
    const request = await tx.withdrawalRequest.create({
      data: { storeId: input.storeId, currencyId: currency.id, amount: input.amount, address: address.data },
    });
    await recordAudit(tx, actor, {
      action: "withdrawal.requested",
      entityType: "withdrawal",
      entityId: request.id,
      newValues: { store_id: input.storeId, currency: input.currencyCode, amount: input.amount, address: address.data, status: request.status },
    });
    return request;
  });
}
