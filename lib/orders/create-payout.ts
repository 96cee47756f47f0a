import "server-only";
import { prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DomainError } from "@/lib/errors/domain-error";
import { readSettings } from "@/lib/settings/read-settings";
import { checkNewOrder } from "@/lib/risk/check-new-order";
import { checkCustomerCaps, recordCapRefusal } from "@/lib/risk/check-customer-caps";
import { findOrderCurrencies } from "@/lib/currencies/find-currency";
import { matchOrScheduleRetry } from "@/lib/matching/match-order";
import { currentRate } from "@/lib/currencies/current-rate";
import { fiatToCrypto } from "@/lib/money/convert";
import { splitPayout } from "@/lib/money/commissions";
import { postMovements } from "@/lib/ledger/post-movements";
import { toJson, type Actor } from "@/lib/audit/record-audit";
import { duplicateOrderError, insertOrder } from "./insert-order";
import type { StoreForOrders } from "./create-payin";

export interface CreatePayoutInput {
  amount: bigint;
  currency: string;
  customerId: string;
  merchantOrderId: string;
  destination: { type: string; number: string; holder?: string; bank?: string };
  metadata?: unknown;
}

/**
 * Creates a payout: fixes the rate, holds the store's u·(1+s) USDT (refused with
 * `insufficient_balance` when the available balance cannot cover it, nothing written) and
 * tries to assign a trader at once.
 */
export async function createPayout(store: StoreForOrders, input: CreatePayoutInput, actor: Actor, now = new Date()) {
  const settings = await readSettings();
  await checkNewOrder({ storeId: store.id, storeLimits: store.limits, type: "payout", ...input }, settings);
  try {
    return await runTransaction(async (tx) => {
      await checkCustomerCaps(tx, { storeId: store.id, type: "payout", ...input }, settings, now);
      const { currency, settlement } = await findOrderCurrencies(tx, input.currency);
      const rate = await currentRate(tx, currency, settlement.id, settings);
      const u = fiatToCrypto(input.amount, currency.exponent, rate, settlement.exponent, "half_up");
      if (u <= 0n) throw new DomainError("invalid_request", "amount_too_small", "The amount is worth less than the smallest USDT unit.", "amount");

      const order = await insertOrder(
        tx,
        {
          type: "payout",
          storeId: store.id,
          currencyId: currency.id,
          now,
          amount: input.amount,
          customerId: input.customerId,
          merchantOrderId: input.merchantOrderId,
          metadata: input.metadata,
          extra: { destination: toJson(input.destination), rate, cryptoAmount: u },
        },
        actor,
      );
      // The hold is u·(1+s) at the commission fixed on the order by the insert.
      const { storeDebit } = splitPayout(u, order.store_commission, "0");
      await postMovements(tx, [
        { account: { kind: "store", storeId: store.id, currencyId: settlement.id }, delta: -storeDebit, heldDelta: storeDebit, reason: "payout_hold", orderId: order.id },
      ]).catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === "insufficient_funds") {
          throw new DomainError("insufficient_funds", "insufficient_balance", `The store's available USDT cannot cover this payout (needs ${storeDebit} micro-USDT).`, "amount");
        }
        throw error;
      });

      return matchOrScheduleRetry(tx, order, { settings, currency, settlement, store, paymentMethodId: null, now });
    });
  } catch (error) {
    throw duplicateOrderError(await recordCapRefusal(error), input.merchantOrderId);
  }
}
