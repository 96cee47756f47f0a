import type { IncomingOrder } from "@/lib/generated/prisma/client";
import { minorToDecimalString } from "@/lib/money/convert";
import { maskRequisiteNumber } from "@/lib/requisites/requisite-details";
import { paymentUrl } from "@/lib/payment-page/payment-url";

/** What the customer is shown to pay to: the requisite's kind, bank and details. */
export interface RequisiteForApi {
  type: string;
  details: unknown;
  bank: { name: string } | null;
}

/**
 * An order with the related data its API object needs. A Prisma row loaded with
 * ORDER_API_INCLUDE is one; the engine builds one from the row it updated plus what it
 * already knows (the currency, the requisite it matched), without reading them again.
 */
export type OrderForApi = IncomingOrder & {
  currency: { code: string };
  requisite: RequisiteForApi | null;
};

const USDT_EXPONENT = 6;

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/**
 * The order as the gateway API returns it and as callbacks carry it. Amounts are integers in
 * minor units (safe: the API caps them far below 2^53).
 */
export function serializeOrder(order: OrderForApi) {
  const details = (order.requisite?.details ?? {}) as { number?: string; holder?: string };
  return {
    id: order.id,
    object: order.type,
    status: order.status,
    amount: Number(order.amount),
    original_amount: Number(order.originalAmount),
    currency: order.currency.code,
    customer_id: order.customerId,
    merchant_order_id: order.merchantOrderId,
    requisite:
      order.type === "payin" && order.requisite
        ? {
            type: order.requisite.type,
            bank: order.requisite.bank?.name ?? null,
            number: details.number ?? null,
            holder: details.holder ?? null,
          }
        : null,
    // The hosted payment page to send the customer to (pay-ins; null for payouts and for pay-ins
    // made before the page existed). Built from the token, so a replay answers the same URL.
    payment_url: order.type === "payin" && order.paymentToken ? paymentUrl(order.paymentToken) : null,
    destination: order.destination ?? null,
    rate: order.rate?.toString() ?? null,
    crypto_amount: order.cryptoAmount === null ? null : minorToDecimalString(order.cryptoAmount, USDT_EXPONENT),
    failure_reason: order.failureReason,
    metadata: order.metadata ?? null,
    expires_at: iso(order.expiresAt),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    completed_at: iso(order.completedAt),
  };
}

export type ApiOrder = ReturnType<typeof serializeOrder>;

/**
 * The order as the trader API shows it to `traderId`: a payout merely offered to them (not yet
 * accepted) shows its destination's type, bank and last four digits only — enough to decide,
 * not enough to pay someone else's customer before taking the payout.
 */
export function serializeTraderOrder(order: OrderForApi, traderId: number) {
  const api = serializeOrder(order);
  if (order.type !== "payout" || order.traderId === traderId) return api;
  const destination = (order.destination ?? {}) as { type?: string; number?: string; bank?: string };
  return { ...api, destination: { type: destination.type ?? null, bank: destination.bank ?? null, number: maskRequisiteNumber(destination.number ?? ""), holder: null } };
}
