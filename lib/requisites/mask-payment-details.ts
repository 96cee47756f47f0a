import type { Prisma } from "@/lib/generated/prisma/client";
import { maskRequisiteNumber } from "@/lib/requisites/requisite-details";

/** Card details JSON ({type, number, holder, bank…}) with the number cut to its last four characters. */
function maskNumberIn<T extends Prisma.JsonValue | null>(details: T): T {
  if (!details || typeof details !== "object" || Array.isArray(details)) return details;
  const { number } = details as Prisma.JsonObject;
  return typeof number === "string" ? ({ ...details, number: maskRequisiteNumber(number) } as T) : details;
}

/**
 * An order as support sees it without the payment_details.read permission
 * (lib/auth/permissions.ts): the trader's requisite and the payout destination keep their type,
 * bank and holder, but the card (phone, account) number shows only its last four characters.
 * The page masks before rendering on the server, so the full number never reaches the browser.
 */
export function maskPaymentDetails<T extends { requisite: { details: Prisma.JsonValue } | null; destination: Prisma.JsonValue | null }>(order: T): T {
  return {
    ...order,
    requisite: order.requisite ? { ...order.requisite, details: maskNumberIn(order.requisite.details) } : null,
    destination: maskNumberIn(order.destination),
  };
}
