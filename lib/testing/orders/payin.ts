import { payinCompletionMovements } from "@/lib/orders/completion-movements";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inTransaction, type Db } from "@/lib/testing/db";
import { postMovements } from "@/lib/ledger/post-movements";
import { fiatToCrypto, splitPayin } from "@/lib/testing/money";
import { newOrderId } from "@/lib/testing/order-id";
import { attachRequisite, completeOrder, createdOrderRef, insertCreatedOrder } from "./common";
import { decimalString, type CurrencyRef, type DecimalLike, type OrderRef, type StepOptions } from "./transition";

export interface CreatePayinInput {
  store: { id: number; payinCommission: DecimalLike };
  fiat: CurrencyRef;
  crypto: CurrencyRef;
  /** Fiat minor units. */
  amount: bigint;
  createdAt?: Date;
  customerId?: string;
  merchantOrderId?: string;
  paymentMethodId?: number | null;
  metadata?: Prisma.InputJsonValue;
  randomBytes?: (size: number) => Uint8Array;
  actorType?: string;
}

/** A pay-in in status `created` (no requisite yet) with its first history row. */
export function createPayinOrder(db: Db, input: CreatePayinInput): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    const at = input.createdAt ?? new Date();
    const order = createdOrderRef({
      id: newOrderId("payin", at, input.randomBytes),
      type: "payin",
      storeId: input.store.id,
      amount: input.amount,
      fiat: input.fiat,
      crypto: input.crypto,
      storeCommission: decimalString(input.store.payinCommission),
    });
    await insertCreatedOrder(tx, order, { ...input, createdAt: at, merchantOrderPrefix: "order_" }, { metadata: input.metadata });
    await tx.orderHistory.create({
      data: { incomingOrderId: order.id, storeCommission: order.storeCommission, status: "created", actorType: input.actorType ?? "merchant_api", processedAt: at },
    });
    return order;
  });
}

/** created → awaiting_payment on `requisite` at `rate`: holds u = amount / rate of the trader's deposit. */
export function matchPayinOrder(
  db: Db,
  order: OrderRef,
  input: StepOptions & { requisite: { id: number; traderId: number }; traderReward: DecimalLike; rate: DecimalLike; ttlSeconds?: number },
): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    const at = input.at ?? new Date();
    const rate = decimalString(input.rate);
    const u = fiatToCrypto(order.amount, order.fiat.exponent, rate, order.crypto.exponent);
    if (u <= 0n) throw new RangeError(`Order ${order.id} is worth nothing at rate ${rate}`);
    await postMovements(
      tx,
      [{ account: { kind: "trader_crypto", traderId: input.requisite.traderId, currencyId: order.crypto.id }, delta: -u, heldDelta: u, reason: "payin_hold", orderId: order.id }],
      { at: input.at },
      );
    Object.assign(order, { rate, cryptoAmount: u });
    await attachRequisite(tx, order, "awaiting_payment", { ...input, at, ttlSeconds: input.ttlSeconds ?? 900 }, { rate, cryptoAmount: u });
    return order;
  });
}

/**
 * → completed: releases the trader's hold, credits the store u·(1−s), the trader u·t, the
 * platform the remainder, and records the fiat the trader received (fiat_turnover).
 */
export function completePayinOrder(db: Db, order: OrderRef, options: StepOptions = {}): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    if (order.cryptoAmount === null || order.traderId === null) throw new Error(`Order ${order.id} is not matched`);
    const u = order.cryptoAmount;
    const split = splitPayin(u, order.storeCommission, order.traderCommission!);
    const payin = { id: order.id, storeId: order.storeId, traderId: order.traderId, fiatCurrencyId: order.fiat.id, amount: order.amount, cryptoAmount: u };
    await completeOrder(tx, order, { actorType: "trader", ...options }, {
      from: ["awaiting_payment", "paid", "disputed"],
      movements: payinCompletionMovements(payin, split, order.crypto.id),
      split,
    });
    return order;
  });
}
