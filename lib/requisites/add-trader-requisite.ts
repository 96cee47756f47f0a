import "server-only";
import type { Tx } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { NewRequisite } from "./requisite-schema";

/** The payment method a kind of requisite is paid through (accounts have none of their own). */
const PAYMENT_METHOD_OF_TYPE: Record<NewRequisite["type"], string | null> = { card: "card", sbp: "sbp", account: null };

/**
 * Adds a requisite to the trader's own list, active at once, with its limits, and records the
 * audit row in the same transaction. The bank and currency must be active; the same number
 * twice in one trader's list is refused (the customer could not tell which one they pay), and
 * the number of any requisite the platform blocked with `requisite_blocked`.
 */
export async function addTraderRequisite(traderId: number, input: NewRequisite, actor: Actor) {
  return runTransaction(async (tx) => {
    // Serialises two adds of the same trader, so the duplicate check below cannot race.
    await tx.$queryRaw`SELECT id FROM trader WHERE id = ${traderId} FOR UPDATE`;
    const [bank, currency, method, duplicate, blocked] = await Promise.all([
      tx.bank.findFirst({ where: { id: input.bankId, isActive: true }, select: { id: true, name: true } }),
      tx.currency.findFirst({ where: { code: input.currencyCode, kind: "fiat", isActive: true }, select: { id: true } }),
      PAYMENT_METHOD_OF_TYPE[input.type]
        ? tx.paymentMethod.findFirst({ where: { code: PAYMENT_METHOD_OF_TYPE[input.type]!, isActive: true }, select: { id: true } })
        : null,
      tx.reqTrader.findFirst({ where: { traderId, details: { path: ["number"], equals: input.number } }, select: { id: true } }),
      tx.reqTrader.findFirst({ where: { status: "blocked", details: { path: ["number"], equals: input.number } }, select: { id: true } }),
    ]);
    if (!bank) throw new DomainError("unknown_bank", undefined, { param: "bankId" });
    if (!currency) throw new DomainError("unsupported_currency", `Currency ${input.currencyCode} is not supported.`, { param: "currency" });
    // Adding a blocked card again (here or in another trader's list) would route orders around the block.
    if (blocked) {
      throw new DomainError("requisite_blocked", undefined, { param: "number" });
    }
    if (duplicate) throw new DomainError("duplicate_requisite", undefined, { param: "number" });

    const requisite = await insertRequisite(tx, traderId, input, { bankId: bank.id, currencyId: currency.id, paymentMethodId: method?.id ?? null });
    await recordRequisiteCreated(tx, actor, traderId, input, { bankName: bank.name, requisite });
    return requisite;
  });
}

/** The requisite, active, with its limits. */
function insertRequisite(tx: Tx, traderId: number, input: NewRequisite, refs: { bankId: number; currencyId: number; paymentMethodId: number | null }) {
  return tx.reqTrader.create({
    data: {
      traderId,
      type: input.type,
      bankId: refs.bankId,
      paymentMethodId: refs.paymentMethodId,
      details: { number: input.number, holder: input.holder },
      status: "active",
      settings: {
        create: {
          currencyId: refs.currencyId,
          minAmount: input.minAmount,
          maxAmount: input.maxAmount,
          dailyLimit: input.dailyLimit,
          monthlyLimit: input.monthlyLimit,
          dailyCountLimit: input.dailyCountLimit,
        },
      },
    },
    select: { id: true, status: true },
  });
}

async function recordRequisiteCreated(
  tx: Tx,
  actor: Actor,
  traderId: number,
  input: NewRequisite,
  { bankName, requisite }: { bankName: string; requisite: { id: number; status: string } },
) {
  await recordAudit(tx, actor, {
    action: "requisite.created",
    entityType: "requisite",
    entityId: requisite.id,
    newValues: {
      traderId,
      type: input.type,
      bank: bankName,
      currency: input.currencyCode,
      // The audit log keeps which card it was, not the whole number.
      numberLast4: input.number.slice(-4),
      holder: input.holder,
      status: requisite.status,
      minAmount: input.minAmount,
      maxAmount: input.maxAmount,
      dailyLimit: input.dailyLimit,
      monthlyLimit: input.monthlyLimit,
      dailyCountLimit: input.dailyCountLimit,
    },
  });
}
