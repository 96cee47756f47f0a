import "server-only";
import type { Tx } from "@/lib/db/client";
import { afterCommit, runTransaction } from "@/lib/db/run-transaction";
import { readSettings, type Settings } from "@/lib/settings/read-settings";
import { checkNewOrder } from "@/lib/risk/check-new-order";
import { checkCustomerCaps, recordCapRefusal } from "@/lib/risk/check-customer-caps";
import type { RiskSubject } from "@/lib/risk/record-risk-event";
import { findOrderCurrencies } from "@/lib/currencies/find-currency";
import { findPayinMatch, matchingOpen, matchOrScheduleRetry, scheduleRetry } from "@/lib/matching/match-order";
import { announceTransition } from "./transition-order";
import { insertMatchedPayin } from "./insert-matched-payin";
import type { Actor } from "@/lib/audit/record-audit";
import { countMatchingMiss, countOrderCreated } from "@/lib/observability/order-metrics";
import type { LockedOrder } from "./load-order";
import { duplicateOrderError, insertOrder, type NewOrder } from "./insert-order";
import type { StoreForOrders } from "./create-payin";
import { storeClaimedResponse, type IdempotencyClaim, type StoredResponse } from "@/lib/api/idempotency";

/** The request's Idempotency-Key, claimed and answered in the order's transaction (see IdempotencyClaim). */
export interface OrderIdempotency<T = Awaited<ReturnType<typeof matchOrScheduleRetry>>> {
  claim: IdempotencyClaim;
  /** The API's answer for the created order, stored with it. */
  respond: (order: T) => StoredResponse;
}

/** What the API asked for, as far as every new order has it. */
export type NewOrderInput = Pick<RiskSubject, "amount" | "customerId" | "merchantOrderId"> & { currency: string; metadata?: unknown };

/** What a type's own steps are given: the settings read for the order and its currencies. */
export interface NewOrderContext {
  settings: Settings;
  currency: Awaited<ReturnType<typeof findOrderCurrencies>>["currency"];
  settlement: Awaited<ReturnType<typeof findOrderCurrencies>>["settlement"];
}

/** A type's own part of creating an order (a pay-in's payment method; a payout's rate and hold). */
export interface OrderTypeSteps {
  /** Before the insert: its own checks and columns, and the payment method matching must use. */
  prepare: (tx: Tx, context: NewOrderContext) => Promise<{ extra: NewOrder["extra"]; paymentMethodId: number | null }>;
  /** After the insert, before the first match attempt. */
  inserted?: (tx: Tx, order: LockedOrder, context: NewOrderContext) => Promise<void>;
}

/**
 * Creates an order of either type: the checks that need no count first, then in one
 * transaction the customer's caps, the currencies, the type's own steps around the insert,
 * and the first match attempt (the fast path) or the background retry it schedules. A refused
 * cap is recorded once that transaction has rolled back, and a merchant_order_id the store
 * used before is refused as a duplicate.
 */
export async function createOrder(
  store: StoreForOrders,
  type: "payin" | "payout",
  input: NewOrderInput,
  actor: Actor,
  now: Date,
  steps: OrderTypeSteps,
  idempotency?: OrderIdempotency,
) {
  const settings = await readSettings();
  await checkNewOrder({ storeId: store.id, storeLimits: store.limits, type, ...input }, settings);

  try {
    const created = await runTransaction(async (tx) => {
      if (idempotency) idempotency.claim.stored = false; // an attempt retried after a deadlock stores it again
      await checkCustomerCaps(tx, { storeId: store.id, type, ...input }, settings, now);
      const { currency, settlement } = await findOrderCurrencies(tx, input.currency);
      const context = { settings, currency, settlement };
      const { extra, paymentMethodId } = await steps.prepare(tx, context);

      const newOrder = {
        type,
        storeId: store.id,
        currencyId: currency.id,
        now,
        amount: input.amount,
        customerId: input.customerId,
        merchantOrderId: input.merchantOrderId,
        metadata: input.metadata,
        extra,
        credentials: store.cachedCredentials,
      };
      const isSandbox = store.isSandbox ?? (await tx.merchantStore.findUniqueOrThrow({ where: { id: store.id }, select: { isSandbox: true } })).isSandbox;
      const matchContext = { settings, currency, settlement, store: { ...store, isSandbox }, paymentMethodId, now };
      const answer = async <T extends Awaited<ReturnType<typeof matchOrScheduleRetry>>>(result: T) => {
        if (idempotency) await storeClaimedResponse(tx, idempotency.claim, idempotency.respond(result));
        return result;
      };

      // The fast path: a pay-in whose store commission is known is matched first and written
      // matched, in one statement (insertMatchedPayin); with nothing to match it, written and
      // left for the retry. Otherwise: written, then matched.
      if (type === "payin" && store.payinCommission !== undefined && !steps.inserted) {
        const storeCommission = store.payinCommission.toString();
        const found = matchingOpen(matchContext) ? await findPayinMatch(tx, input.amount, storeCommission, matchContext) : null;
        if (found) {
          const matched = await insertMatchedPayin(tx, {
            order: newOrder,
            actor,
            ...found,
            settlementCurrencyId: settlement.id,
            currencyCode: currency.code,
            storeCommission,
            idempotency,
          });
          announceTransition(tx, matched);
          return matched;
        }
        const order = await insertOrder(tx, newOrder, actor, idempotency?.claim);
        afterCommit(tx, () => countMatchingMiss(type));
        return answer(await scheduleRetry(tx, order, matchContext));
      }

      const order = await insertOrder(tx, newOrder, actor, idempotency?.claim);
      if (steps.inserted) await steps.inserted(tx, order, context);
      return answer(await matchOrScheduleRetry(tx, order, matchContext));
    });
    countOrderCreated(type);
    return created;
  } catch (error) {
    throw duplicateOrderError(await recordCapRefusal(error), input.merchantOrderId);
  }
}
