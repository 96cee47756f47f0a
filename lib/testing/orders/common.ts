import type { Movement } from "@/lib/ledger/accounts";
import { inTransaction, type Db } from "@/lib/testing/db";
import { postMovements } from "@/lib/ledger/post-movements";
import type { OrderRef, StepOptions } from "./transition";
import { transition } from "./transition";

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
