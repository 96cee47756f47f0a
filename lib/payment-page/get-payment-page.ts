import "server-only";
import { prisma } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { minorToDecimalString } from "@/lib/money/convert";
import { readRequisiteDetails } from "@/lib/requisites/requisite-details";
import { isPaymentToken } from "./payment-page-token";

/** How the page words an order's status for the customer (`created`: still looking for a requisite). */
export type PaymentPageStatus = Exclude<OrderStatus, "assigned">;

/** Where to pay: sent only while the order awaits the payment. */
export interface PaymentPageRequisite {
  type: string;
  bank: string | null;
  number: string;
  holder: string | null;
}

/**
 * Everything the hosted payment page shows, and nothing more: no store, no merchant_order_id,
 * no customer_id, not even the order id (the token stands for it). The page renders it on the
 * server and polls it as JSON (GET /api/pay/{token}).
 */
export interface PaymentPageView {
  status: PaymentPageStatus;
  /** The amount as a decimal string in the currency's units ("1500.00"), for Intl.NumberFormat. */
  amount: string;
  currency: string;
  expiresAt: string | null;
  /** The server's clock, so the countdown does not depend on the phone's. */
  now: string;
  requisite: PaymentPageRequisite | null;
  returnUrl: string | null;
  /** Receipts the customer uploaded from this page. */
  receipts: number;
  canMarkPaid: boolean;
  canUploadReceipt: boolean;
}

/** Statuses in which a receipt from the customer still helps the trader or support. */
export const RECEIPT_STATUSES: readonly OrderStatus[] = ["awaiting_payment", "paid", "disputed"];

/**
 * The payment page of `token`, as the customer may see it now. A pay-in still
 * `awaiting_payment` whose deadline has passed is shown as expired (the sweep ends it shortly):
 * its requisite is no longer shown and "I have paid" is refused from then on (markPayinPaid).
 * The requisite is read into the view only while the payment is awaited, so neither the HTML
 * nor the JSON of an ended order carries it. Unknown tokens, and anything but a pay-in: 404.
 */
export async function getPaymentPage(token: string, now = new Date()): Promise<PaymentPageView> {
  const order = isPaymentToken(token)
    ? await prisma.incomingOrder.findUnique({
        where: { paymentToken: token },
        select: {
          type: true,
          status: true,
          amount: true,
          expiresAt: true,
          returnUrl: true,
          currency: { select: { code: true, exponent: true } },
          requisite: { select: { type: true, details: true, bank: { select: { name: true } } } },
          _count: { select: { receipts: { where: { uploadedVia: "customer_page" } } } },
        },
      })
    : null;
  if (!order || order.type !== "payin") throw new DomainError("order_not_found", "There is no such payment page.");

  const overdue = order.status === "awaiting_payment" && order.expiresAt !== null && order.expiresAt <= now;
  const status: PaymentPageStatus = overdue ? "expired" : order.status === "assigned" ? "created" : order.status;
  const details = status === "awaiting_payment" && order.requisite ? readRequisiteDetails(order.requisite.details) : null;
  return {
    status,
    amount: minorToDecimalString(order.amount, order.currency.exponent),
    currency: order.currency.code,
    expiresAt: order.expiresAt?.toISOString() ?? null,
    now: now.toISOString(),
    requisite: details && order.requisite ? { type: order.requisite.type, bank: order.requisite.bank?.name ?? null, number: details.number, holder: details.holder } : null,
    returnUrl: order.returnUrl,
    receipts: order._count.receipts,
    canMarkPaid: status === "awaiting_payment",
    canUploadReceipt: RECEIPT_STATUSES.includes(status),
  };
}
