import type { Tx } from "@/lib/db/client";
import type { OrderStatus, OrderType, Prisma } from "@/lib/generated/prisma/client";

export interface CurrencyRef {
  id: number;
  exponent: number;
}

/** Everything the lifecycle factories need to know about an order, kept in memory between steps. */
export interface OrderRef {
  id: string;
  type: OrderType;
  storeId: number;
  status: OrderStatus;
  /** Fiat amount in minor units. */
  amount: bigint;
  fiat: CurrencyRef;
  crypto: CurrencyRef;
  /** Store commission fraction for this direction, e.g. "0.03". */
  storeCommission: string;
  traderCommission: string | null;
  requisiteId: number | null;
  traderId: number | null;
  rate: string | null;
  /** USDT value in crypto minor units, fixed at match (pay-in) or creation (payout). */
  cryptoAmount: bigint | null;
  /** Payouts: what the store has had held since creation. */
  storeHold: bigint | null;
}

export interface StepOptions {
  /** When it happened; now when omitted. */
  at?: Date;
  actorType?: string;
  actorUserId?: number | null;
  note?: string | null;
}

export type DecimalLike = string | { toFixed(): string };

export function decimalString(value: DecimalLike): string {
  return typeof value === "string" ? value : value.toFixed();
}

/**
 * Moves an order from its current status to `to` with a compare-and-set on the status and
 * appends the order_history row carrying the requisite, trader, rate and commissions.
 */
export async function transition(
  tx: Tx,
  order: OrderRef,
  to: OrderStatus,
  options: StepOptions & {
    from: readonly OrderStatus[];
    data?: Prisma.IncomingOrderUncheckedUpdateManyInput;
    amounts?: { storeCommissionAmount: bigint; traderCommissionAmount: bigint; platformProfit: bigint };
  },
): Promise<void> {
  if (!options.from.includes(order.status)) {
    throw new Error(`Order ${order.id} cannot go from ${order.status} to ${to}`);
  }
  const at = options.at ?? new Date();
  const { count } = await tx.incomingOrder.updateMany({
    where: { id: order.id, status: order.status },
    data: {
      ...options.data,
      // The snapshots the engine keeps on the order: the trader's reward once matched, the end time.
      traderReward: order.traderCommission,
      ...(to === "cancelled" || to === "expired" || to === "failed" ? { endedAt: at } : {}),
      status: to,
      updatedAt: at,
    },
  });
  if (count !== 1) throw new Error(`Order ${order.id} is no longer ${order.status}`);
  await tx.orderHistory.create({
    data: {
      incomingOrderId: order.id,
      requisiteId: order.requisiteId,
      traderId: order.traderId,
      storeCommission: order.storeCommission,
      traderCommission: order.traderCommission,
      rate: order.rate,
      storeCommissionAmount: options.amounts?.storeCommissionAmount ?? null,
      traderCommissionAmount: options.amounts?.traderCommissionAmount ?? null,
      platformProfit: options.amounts?.platformProfit ?? null,
      fromStatus: order.status,
      status: to,
      actorType: options.actorType ?? "system",
      actorUserId: options.actorUserId ?? null,
      note: options.note ?? null,
      processedAt: at,
    },
  });
  order.status = to;
}
