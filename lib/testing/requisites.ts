import type { Prisma, RequisiteStatus } from "@/lib/generated/prisma/client";
import { luhnCheckDigit } from "@/lib/ids/luhn";
import type { Db } from "./db";

export interface CreateRequisiteInput {
  traderId: number;
  /** Currency of the requisite's limits and orders (RUB in the demo). */
  currencyId: number;
  /** card, sbp or account. */
  type?: string;
  paymentMethodId?: number | null;
  bankId?: number | null;
  details?: Prisma.InputJsonValue;
  status?: RequisiteStatus;
  lastUsedAt?: Date | null;
  /** Limits in the currency's minor units. */
  minAmount?: bigint;
  maxAmount?: bigint;
  dailyLimit?: bigint;
  monthlyLimit?: bigint | null;
  dailyCountLimit?: number | null;
}

let cardSequence = 0;

/** A 16-digit card number starting with 2200 (Mir) that passes the Luhn check. */
export function testCardNumber(seed = ++cardSequence): string {
  const body = `2200${String(seed * 7919 + 100_000_000).padStart(11, "0").slice(-11)}`;
  return body + luhnCheckDigit(body);
}

/** A requisite with its full_requisites_settings row. */
export function createRequisite(db: Db, input: CreateRequisiteInput) {
  const type = input.type ?? "card";
  return db.reqTrader.create({
    data: {
      traderId: input.traderId,
      type,
      paymentMethodId: input.paymentMethodId ?? null,
      bankId: input.bankId ?? null,
      details: input.details ?? { number: type === "sbp" ? "+79001234567" : testCardNumber(), holder: "IVAN PETROV" },
      status: input.status ?? "active",
      lastUsedAt: input.lastUsedAt ?? null,
      settings: {
        create: {
          currencyId: input.currencyId,
          minAmount: input.minAmount ?? 10_000n,
          maxAmount: input.maxAmount ?? 10_000_000n,
          dailyLimit: input.dailyLimit ?? 50_000_000n,
          monthlyLimit: input.monthlyLimit ?? null,
          dailyCountLimit: input.dailyCountLimit ?? null,
        },
      },
    },
    include: { settings: true },
  });
}
