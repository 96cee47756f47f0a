import { payoutCompletionMovements } from "@/lib/orders/completion-movements";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inTransaction, type Db } from "@/lib/testing/db";
import { postMovements } from "@/lib/ledger/post-movements";
import { fiatToCrypto, payoutHold, splitPayout } from "@/lib/testing/money";
import { newOrderId } from "@/lib/testing/order-id";
import { attachRequisite, completeOrder, createdOrderRef, insertCreatedOrder } from "./common";
import { decimalString, type CurrencyRef, type DecimalLike, type OrderRef, type StepOptions } from "./transition";

export interface CreatePayoutInput {
  store: { id: number; payoutCommission: DecimalLike };
  fiat: CurrencyRef;
  crypto: CurrencyRef;
  amount: bigint;
  /** Fiat per USDT; a payout's value is fixed at creation, when the store's funds are held. */
  rate: DecimalLike;
  destination?: Prisma.InputJsonValue;
  createdAt?: Date;
  customerId?: string;
  merchantOrderId?: string;
  paymentMethodId?: number | null;
  randomBytes?: (size: number) => Uint8Array;
}

/** A payout in status `created`, holding u·(1+s) of the store's balance. */
export function createPayoutOrder(db: Db, input: CreatePayoutInput): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    const at = input.createdAt ?? new Date();
    const rate = decimalString(input.rate);
    const storeCommission = decimalString(input.store.payoutCommission);
    const u = fiatToCrypto(input.amount, input.fiat.exponent, rate, input.crypto.exponent);
    const hold = payoutHold(u, storeCommission);
    const order = createdOrderRef({
      id: newOrderId("payout", at, input.randomBytes),
      type: "payout",
      storeId: input.store.id,
      amount: input.amount,
      fiat: input.fiat,
      crypto: input.crypto,
      storeCommission,
      rate,
      cryptoAmount: u,
      storeHold: hold,
    });
    const destination = input.destination ?? { type: "card", number: "2200000000000004", holder: "IVAN PETROV" };
    await insertCreatedOrder(tx, order, { ...input, createdAt: at, merchantOrderPrefix: "payout_" }, { destination, rate, cryptoAmount: u });
    await postMovements(
      tx,
      [{ account: { kind: "store", storeId: order.storeId, currencyId: order.crypto.id }, delta: -hold, heldDelta: hold, reason: "payout_hold", orderId: order.id }],
      { at: input.createdAt },
    );
    await tx.orderHistory.create({
      data: { incomingOrderId: order.id, storeCommission, rate, status: "created", actorType: "merchant_api", processedAt: at },
    });
    return order;
  });
}

/** created → assigned: a trader took the payout and will pay from `requisite`. */
export function assignPayoutOrder(
  db: Db,
  order: OrderRef,
  input: StepOptions & { requisite: { id: number; traderId: number }; traderReward: DecimalLike; ttlSeconds?: number },
): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    await attachRequisite(tx, order, "assigned", { actorType: "trader", ...input, ttlSeconds: input.ttlSeconds ?? 3600 });
    return order;
  });
}

/** → completed: the store pays its hold, the trader gets u·(1+t), the platform the difference. */
export function completePayoutOrder(db: Db, order: OrderRef, options: StepOptions = {}): Promise<OrderRef> {
  return inTransaction(db, async (tx) => {
    if (order.traderId === null) throw new Error(`Payout ${order.id} is not assigned`);
    const split = splitPayout(order.cryptoAmount!, order.storeCommission, order.traderCommission!);
    if (split.storeDebit !== order.storeHold) throw new Error(`Payout ${order.id}: hold ${order.storeHold} differs from debit ${split.storeDebit}`);
    await completeOrder(tx, order, options, {
      from: ["assigned", "paid", "disputed"],
      movements: payoutCompletionMovements({ id: order.id, storeId: order.storeId, traderId: order.traderId }, split, order.crypto.id),
      split,
    });
    return order;
  });
}
