import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus, OrderType } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES } from "@/lib/orders/statuses";
import { maskRequisiteNumber, readRequisiteDetails } from "@/lib/requisites/requisite-details";

/** Where a payout's money goes, as the merchant sent it. */
export interface PayoutDestination {
  type: string;
  number: string;
  holder: string | null;
  bank: string | null;
}

/**
 * One open order of the trader, or a payout offered to them right now, JSON-safe (money as
 * minor-unit strings, dates as ISO strings).
 */
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
  /** Set on a payout offered to this trader (still `created`): until then they may accept or decline it. */
  offerExpiresAt: string | null;
  /** The trader's own requisite a pay-in was routed to, or a payout is (offered to be) paid from (masked), to tell cards apart. */
  requisite: { type: string; bankName: string | null; maskedNumber: string; holder: string | null } | null;
  /**
   * A payout's destination. In full once the trader has accepted it (they have to send the money
   * there); on an offer only its type, bank and masked number (holder null): enough to decide,
   * not enough to pay someone else's customer before taking the payout.
   */
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

function maskDestination(destination: PayoutDestination | null): PayoutDestination | null {
  return destination && { type: destination.type, bank: destination.bank, number: maskRequisiteNumber(destination.number), holder: null };
}

const QUEUE_SELECT = {
  id: true,
  type: true,
  status: true,
  amount: true,
  cryptoAmount: true,
  customerId: true,
  createdAt: true,
  expiresAt: true,
  offerExpiresAt: true,
  destination: true,
  currency: { select: { code: true, exponent: true } },
  requisite: { select: { type: true, details: true, bank: { select: { name: true } } } },
  offeredRequisite: { select: { type: true, details: true, bank: { select: { name: true } } } },
} satisfies Prisma.IncomingOrderSelect;

type QueueRow = Prisma.IncomingOrderGetPayload<{ select: typeof QUEUE_SELECT }>;

function toQueueOrder(row: QueueRow, offered: boolean): QueueOrder {
  const requisite = offered ? row.offeredRequisite : row.requisite;
  const details = requisite ? readRequisiteDetails(requisite.details) : null;
  const destination = row.type === "payout" ? readDestination(row.destination) : null;
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
    offerExpiresAt: offered ? (row.offerExpiresAt?.toISOString() ?? null) : null,
    requisite:
      requisite && details
        ? { type: requisite.type, bankName: requisite.bank?.name ?? null, maskedNumber: maskRequisiteNumber(details.number), holder: details.holder }
        : null,
    destination: offered ? maskDestination(destination) : destination,
  };
}

/**
 * What the trader has to answer or work on: payouts offered to them right now (soonest lapsing
 * first, they need an answer within seconds), then their open orders (awaiting payment, paid,
 * assigned, disputed), soonest deadline first. Reads incoming_orders through its
 * (offered_trader_id) and (trader_id, status) indexes: the poll every two seconds costs a
 * handful of index lookups, never a scan.
 */
export async function listTraderQueue(traderId: number, now = new Date()): Promise<QueueOrder[]> {
  const [offers, open] = await Promise.all([
    prisma.incomingOrder.findMany({
      where: { offeredTraderId: traderId, type: "payout", status: "created", offerExpiresAt: { gt: now } },
      orderBy: [{ offerExpiresAt: "asc" }, { id: "asc" }],
      take: QUEUE_LIMIT,
      select: QUEUE_SELECT,
    }),
    prisma.incomingOrder.findMany({
      where: { traderId, status: { in: [...OPEN_STATUSES] } },
      orderBy: [{ expiresAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: QUEUE_LIMIT,
      select: QUEUE_SELECT,
    }),
  ]);
  return [...offers.map((row) => toQueueOrder(row, true)), ...open.map((row) => toQueueOrder(row, false))];
}
