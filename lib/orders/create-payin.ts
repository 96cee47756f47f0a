import "server-only";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { readSettings } from "@/lib/settings/read-settings";
import { checkNewOrder } from "@/lib/risk/check-new-order";
import { checkCustomerCaps, recordCapRefusal } from "@/lib/risk/check-customer-caps";
import { findOrderCurrencies } from "@/lib/currencies/find-currency";
import { matchOrScheduleRetry } from "@/lib/matching/match-order";
import type { Actor } from "@/lib/audit/record-audit";
import { duplicateOrderError, insertOrder } from "./insert-order";

export interface CreatePayinInput {
  amount: bigint;
  currency: string;
  customerId: string;
  merchantOrderId: string;
  paymentMethod?: string | null;
  metadata?: unknown;
}

export interface StoreForOrders {
  id: number;
  limits: unknown;
  allowAmountAdjustment: boolean;
}


/**
 * Creates a pay-in and tries to match it at once (the fast path), all in one transaction:
 * the response usually carries the requisite to show the customer. When nothing fits it
 * stays `created`, due for a background retry at `next_match_at`.
 */
export async function createPayin(store: StoreForOrders, input: CreatePayinInput, actor: Actor, now = new Date()) {
  const settings = await readSettings();
  await checkNewOrder({ storeId: store.id, storeLimits: store.limits, type: "payin", ...input }, settings);

  try {
    return await runTransaction(async (tx) => {
      await checkCustomerCaps(tx, { storeId: store.id, type: "payin", ...input }, settings, now);
      const { currency, settlement } = await findOrderCurrencies(tx, input.currency);
      const paymentMethod = input.paymentMethod
        ? await tx.paymentMethod.findFirst({ where: { code: input.paymentMethod, isActive: true } })
        : null;
      if (input.paymentMethod && !paymentMethod) {
        throw new DomainError("invalid_request", "unsupported_payment_method", `Payment method ${input.paymentMethod} is not supported.`, "payment_method");
      }

      const order = await insertOrder(
        tx,
        {
          type: "payin",
          storeId: store.id,
          currencyId: currency.id,
          now,
          amount: input.amount,
          customerId: input.customerId,
          merchantOrderId: input.merchantOrderId,
          metadata: input.metadata,
          extra: { paymentMethodId: paymentMethod?.id ?? null },
        },
        actor,
      );
      return matchOrScheduleRetry(tx, order, {
        settings,
        currency,
        settlement,
        store,
        paymentMethodId: paymentMethod?.id ?? null,
        now,
      });
    });
  } catch (error) {
    throw duplicateOrderError(await recordCapRefusal(error), input.merchantOrderId);
  }
}
