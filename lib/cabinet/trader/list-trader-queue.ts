import "server-only";
import { prisma } from "@/lib/db/client";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { maskRequisiteNumber, readRequisiteDetails } from "./requisite-details";

/** Where a payout's money goes, as the merchant sent it. */
export interface PayoutDestination {
  type: string;
  number: string;
  holder: string | null;
  bank: string | null;
}

/** One open order of the trader, JSON-safe (money as minor-unit strings, dates as ISO strings). */
export interface QueueOrder {
  id: string;
  type: OrderType;
  status: OrderStatus;
  amount: string;
  currencyCode: string;
  exponent: number;
  /** USDT value (micro-USDT) fixed at match; what the trader's deposit holds for a pay-in. */
  cryptoAmount: string | null;
  customerId: string;
  createdAt: string;
  expiresAt: string | null;
  /** The trader's own requisite a pay-in was routed to (masked), shown to tell cards apart. */
  requisite: { type: string; bankName: string | null; maskedNumber: string; holder: string | null } | null;
  /** A payout's destination, in full: the trader has to send the money there. */
  destination: PayoutDestination | null;
}

/** More than a trader can work on at once; keeps the poll cheap whatever happens. */
const QUEUE_LIMIT = 200;

function readDestination(value: unknown): PayoutDestination | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const str = (key: string) => (typeof record[key] === "string" && record[key] !== "" ? (record[key] as string) : null);
  return { type: str("type") ?? "card", number: str("number") ?? "", holder: str("holder"), bank: str("bank") };
}

/**
 * The trader's open orders (awaiting payment, paid, assigned, disputed), soonest deadline first.
 * Reads incoming_orders through its (trader_id, status) index: the poll every two seconds costs
 * a handful of index lookups, never a scan.
 */
export async function listTraderQueue(traderId: number): Promise<QueueOrder[]> {
  const rows = await prisma.incomingOrder.findMany({
    where: { traderId, status: { in: [...OPEN_STATUSES] } },
    orderBy: [{ expiresAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: QUEUE_LIMIT,
    select: {
      id: true,
      type: true,
      status: true,
      amount: true,
      cryptoAmount: true,
      customerId: true,
      createdAt: true,
      expiresAt: true,
      destination: true,
      currency: { select: { code: true, exponent: true } },
      requisite: { select: { type: true, details: true, bank: { select: { name: true } } } },
    },
  });
  return rows.map((row) => {
    const details = row.requisite ? readRequisiteDetails(row.requisite.details) : null;
    return {
      id: row.id,
      type: row.type,
      status: row.status,
      amount: row.amount.toString(),
      currencyCode: row.currency.code,
      exponent: row.currency.exponent,
      cryptoAmount: row.cryptoAmount?.toString() ?? null,
      customerId: row.customerId,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      requisite:
        row.requisite && details
          ? { type: row.requisite.type, bankName: row.requisite.bank?.name ?? null, maskedNumber: maskRequisiteNumber(details.number), holder: details.holder }
          : null,
      destination: row.type === "payout" ? readDestination(row.destination) : null,
    };
  });
}
