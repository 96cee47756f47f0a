import "server-only";
import { DomainError } from "@/lib/errors/domain-error";
import type { Actor } from "@/lib/audit/record-audit";
import { createOrder, type OrderIdempotency } from "./create-order";
import type { CachedCredentials } from "@/lib/api/authenticate-request";

export interface CreatePayinInput {
  amount: bigint;
  currency: string;
  customerId: string;
  merchantOrderId: string;
  paymentMethod?: string | null;
  metadata?: unknown;
  /** Where the hosted payment page sends the customer when the order ends (validated by the API schema). */
  returnUrl?: string | null;
}

export interface StoreForOrders {
  id: number;
  limits: unknown;
  allowAmountAdjustment: boolean;
  /**
   * Whether it is a sandbox store (fixed at creation). When not given, the order's transaction
   * reads it (createOrder): matching must never guess which world an order belongs to.
   */
  isSandbox?: boolean;
  /** Set when the store came from the API key cache: the order's INSERT re-checks them (see authenticateStore). */
  cachedCredentials?: CachedCredentials;
  /** The store's pay-in commission, when known: a pay-in is then matched before it is written (createOrder's fast path). */
  payinCommission?: { toString(): string };
}

/**
 * Creates a pay-in and tries to match it at once (the fast path), all in one transaction:
 * the response usually carries the requisite to show the customer. When nothing fits it
 * stays `created`, due for a background retry at `next_match_at`.
 */
export async function createPayin(store: StoreForOrders, input: CreatePayinInput, actor: Actor, now = new Date(), idempotency?: OrderIdempotency) {
  return createOrder(store, "payin", input, actor, now, {
    // The payment method the customer chose, if any: matching then offers only its requisites.
    async prepare(tx) {
      const paymentMethod = input.paymentMethod
        ? await tx.paymentMethod.findFirst({ where: { code: input.paymentMethod, isActive: true } })
        : null;
      if (input.paymentMethod && !paymentMethod) {
        throw new DomainError("unsupported_payment_method", `Payment method ${input.paymentMethod} is not supported.`, { param: "payment_method" });
      }
      const paymentMethodId = paymentMethod?.id ?? null;
      return { extra: { paymentMethodId, returnUrl: input.returnUrl ?? null }, paymentMethodId };
    },
  }, idempotency);
}
