import { payinCompletionMovements } from "@/lib/orders/completion-movements";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inTransaction, type Db } from "@/lib/testing/db";
import { postMovements } from "@/lib/ledger/post-movements";
import { fiatToCrypto, splitPayin } from "@/lib/testing/money";
import { newOrderId } from "@/lib/testing/order-id";
import { uniqueSuffix } from "@/lib/testing/unique";
import { decimalString, transition, type CurrencyRef, type DecimalLike, type OrderRef, type StepOptions } from "./transition";

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
    const order: OrderRef = {
      id: newOrderId("payin", at, input.randomBytes),
      type: "payin",
      storeId: input.store.id,
      status: "created",
      amount: input.amount,
      fiat: input.fiat,
      crypto: input.crypto,
      storeCommission: decimalString(input.store.payinCommission),
      traderCommission: null,
      requisiteId: null,
      traderId: null,
      rate: null,
      cryptoAmount: null,
      storeHold: null,
    };
    await tx.incomingOrder.create({
      data: {
        id: order.id,
        type: "payin",
        storeId: order.storeId,
        amount: order.amount,
        originalAmount: order.amount,
        currencyId: order.fiat.id,
        customerId: input.customerId ?? `cust_${uniqueSuffix()}`,
        merchantOrderId: input.merchantOrderId ?? `order_${uniqueSuffix()}`,
        paymentMethodId: input.paymentMethodId ?? null,
        metadata: input.metadata,
        status: "created",
        storeCommission: order.storeCommission,
        createdAt: at,
        updatedAt: at,
      },
    });
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
    Object.assign(order, { requisiteId: input.requisite.id, traderId: input.requisite.traderId, rate, cryptoAmount: u, traderCommission: decimalString(input.traderReward) });
    await transition(tx, order, "awaiting_payment", {
      ...input,
      at,
      from: ["created"],
      data: {
        requisiteId: order.requisiteId,
        traderId: order.traderId,
        rate,
        cryptoAmount: u,
        matchedAt: at,
        lastAttemptAt: at,
        expiresAt: new Date(at.getTime() + (input.ttlSeconds ?? 900) * 1000),
      },
    });
    await tx.reqTrader.update({ where: { id: input.requisite.id }, data: { lastUsedAt: at, updatedAt: at } });
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
    const usdt = order.crypto.id;
    await postMovements(
      tx,
      payinCompletionMovements(
        { id: order.id, storeId: order.storeId, traderId: order.traderId, fiatCurrencyId: order.fiat.id, amount: order.amount, cryptoAmount: u },
        split,
        usdt,
      ),
      { at: options.at },
      );
    const at = options.at ?? new Date();
    await transition(tx, order, "completed", {
      actorType: "trader",
      ...options,
      at,
      from: ["awaiting_payment", "paid", "disputed"],
      data: { completedAt: at },
      amounts: { storeCommissionAmount: split.storeCommissionAmount, traderCommissionAmount: split.traderReward, platformProfit: split.platformProfit },
    });
    return order;
  });
}
