import "server-only";
import { z } from "zod";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { postMovements } from "@/lib/ledger/post-movements";
import { assertAdmin } from "@/lib/auth/assert-admin";
import { settlementCurrency } from "@/lib/currencies/settlement-currency";
import { parseInput } from "@/lib/validation/messages";

export const depositAdjustmentSchema = z.object({
  traderId: z.number().int().positive(),
  direction: z.enum(["credit", "debit"]),
  /** Minor units of the settlement currency (micro-USDT), positive. */
  amount: z.bigint().positive(),
  /** Why, e.g. the transfer's reference; kept in the audit row. */
  note: z.string().trim().max(500).optional(),
});

export type DepositAdjustment = z.input<typeof depositAdjustmentSchema>;

export interface DepositAdjustmentResult {
  /** Available and held USDT after the movement, in micro-USDT. */
  available: bigint;
  held: bigint;
}

/**
 * Credits (reason deposit_credit) or debits (deposit_debit) a trader's available USDT deposit
 * through the ledger — balance row and history row under the row lock — with an audit row
 * holding the balance before and after, in one transaction. A debit larger than the available
 * part is refused with insufficient_funds and changes nothing; held USDT (open orders) is
 * never touched.
 */
export async function adjustTraderDeposit(input: DepositAdjustment, actor: Actor): Promise<DepositAdjustmentResult> {
  const { traderId, direction, amount, note } = parseInput(depositAdjustmentSchema, input);
  return runTransaction(async (tx) => {
    await assertAdmin(tx, actor);
    const trader = await tx.trader.findUnique({ where: { id: traderId }, select: { id: true } });
    if (!trader) throw new DomainError("trader_not_found");
    const currency = await settlementCurrency(tx);
    const delta = direction === "credit" ? amount : -amount;
    const [posted] = await postMovements(tx, [
      { account: { kind: "trader_crypto", traderId, currencyId: currency.id }, delta, reason: direction === "credit" ? "deposit_credit" : "deposit_debit" },
    ]).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === "insufficient_funds") {
        throw new DomainError("insufficient_funds", "The trader's available deposit is smaller than this debit.", { param: "amount" });
      }
      throw error;
    });
    await recordAudit(tx, actor, {
      action: direction === "credit" ? "trader_deposit_credited" : "trader_deposit_debited",
      entityType: "trader",
      entityId: traderId,
      oldValues: { available: posted.balanceAfter - delta, held: posted.heldAfter },
      newValues: { available: posted.balanceAfter, held: posted.heldAfter, amount, currency: currency.code, ...(note ? { note } : {}) },
    });
    return { available: posted.balanceAfter, held: posted.heldAfter };
  });
}
