import type { Tx } from "@/lib/db/client";
import type { OrderStatus, Prisma } from "@/lib/generated/prisma/client";
import type { Movement } from "@/lib/ledger/accounts";
import { inTransaction, type Db } from "@/lib/testing/db";
import { postMovements } from "@/lib/ledger/post-movements";
import { uniqueSuffix } from "@/lib/testing/unique";
import { decimalString, transition, type DecimalLike, type OrderRef, type StepOptions } from "./transition";

/** A new order in status `created`, before a requisite or trader is attached. */
export function createdOrderRef(order: Pick<OrderRef, "id" | "type" | "storeId" | "amount" | "fiat" | "crypto" | "storeCommission"> & Partial<Pick<OrderRef, "rate" | "cryptoAmount" | "storeHold">>): OrderRef {
  return { status: "created", traderCommission: null, requisiteId: null, traderId: null, rate: null, cryptoAmount: null, storeHold: null, ...order };
}

/** Inserts the incoming_orders row of a new `order` (status created), with unique customer and merchant order ids unless given. */
export async function insertCreatedOrder(
  tx: Tx,
  order: OrderRef,
  input: { createdAt: Date; customerId?: string; merchantOrderId?: string; merchantOrderPrefix: string; paymentMethodId?: number | null },
  data: Partial<Prisma.IncomingOrderUncheckedCreateInput> = {},
) {
  await tx.incomingOrder.create({
    data: {
      id: order.id,
      type: order.type,
      storeId: order.storeId,
      amount: order.amount,
      originalAmount: order.amount,
      currencyId: order.fiat.id,
      customerId: input.customerId ?? `cust_${uniqueSuffix()}`,
      merchantOrderId: input.merchantOrderId ?? `${input.merchantOrderPrefix}${uniqueSuffix()}`,
      paymentMethodId: input.paymentMethodId ?? null,
      ...data,
      status: "created",
      storeCommission: order.storeCommission,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
    },
  });
}

/**
 * created → `to` on `requisite` (a matched pay-in, an assigned payout): the order records the
 * requisite, its trader and reward and a deadline `ttlSeconds` on; the requisite, its last use.
 */
export async function attachRequisite(
  tx: Tx,
  order: OrderRef,
  to: "awaiting_payment" | "assigned",
  step: StepOptions & { requisite: { id: number; traderId: number }; traderReward: DecimalLike; ttlSeconds: number },
  data: Prisma.IncomingOrderUncheckedUpdateManyInput = {},
) {
  const at = step.at ?? new Date();
  Object.assign(order, { requisiteId: step.requisite.id, traderId: step.requisite.traderId, traderCommission: decimalString(step.traderReward) });
  await transition(tx, order, to, {
    ...step,
    at,
    from: ["created"],
    data: {
      requisiteId: order.requisiteId,
      traderId: order.traderId,
      ...data,
      matchedAt: at,
      lastAttemptAt: at,
      expiresAt: new Date(at.getTime() + step.ttlSeconds * 1000),
    },
  });
  await tx.reqTrader.update({ where: { id: step.requisite.id }, data: { lastUsedAt: at, updatedAt: at } });
}

/** → completed: posts the completion's ledger movements, then the transition carrying the split's amounts. */
export async function completeOrder(
  tx: Tx,
  order: OrderRef,
  options: StepOptions,
  completion: { from: readonly OrderStatus[]; movements: Movement[]; split: { storeCommissionAmount: bigint; traderReward: bigint; platformProfit: bigint } },
) {
  const { split } = completion;
  await postMovements(tx, completion.movements, { at: options.at });
  const at = options.at ?? new Date();
  await transition(tx, order, "completed", {
    ...options,
    at,
    from: completion.from,
    data: { completedAt: at },
    amounts: { storeCommissionAmount: split.storeCommissionAmount, traderCommissionAmount: split.traderReward, platformProfit: split.platformProfit },
  });
}

/** Customer says paid (pay-in, awaiting_payment → paid) or trader uploaded the receipt (payout, assigned → paid). */
export function markOrderPaid(db: Db, order: OrderRef, options: StepOptions = {}): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    const at = options.at ?? new Date();
    await transition(tx, order, "paid", {
      actorType: order.type === "payin" ? "merchant_api" : "trader",
      ...options,
      at,
      from: order.type === "payin" ? ["awaiting_payment"] : ["assigned"],
      data: { paidAt: at },
    });
    return order;
  });
}

/**
 * → expired / cancelled / failed, releasing whatever the order holds: a matched pay-in's
 * trader deposit hold, a payout's store hold.
 */
export function releaseOrder(
  db: Db,
  order: OrderRef,
  to: "expired" | "cancelled" | "failed",
  options: StepOptions & { failureReason?: string } = {},
): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    const movements: Movement[] = [];
    if (order.type === "payin" && order.cryptoAmount !== null && order.traderId !== null) {
      const u = order.cryptoAmount;
      movements.push({ account: { kind: "trader_crypto", traderId: order.traderId, currencyId: order.crypto.id }, delta: u, heldDelta: -u, reason: "payin_release", orderId: order.id });
    }
    if (order.type === "payout" && order.storeHold !== null) {
      const hold = order.storeHold;
      movements.push({ account: { kind: "store", storeId: order.storeId, currencyId: order.crypto.id }, delta: hold, heldDelta: -hold, reason: "payout_release", orderId: order.id });
    }
    await postMovements(tx, movements, { at: options.at });
    const { failureReason, ...step } = options;
    await transition(tx, order, to, {
      ...step,
      from: ["created", "awaiting_payment", "assigned", "paid", "disputed"],
      data: to === "failed" ? { failureReason: failureReason ?? "no_requisite" } : {},
    });
    return order;
  });
}
