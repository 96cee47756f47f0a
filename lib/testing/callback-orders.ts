// Real orders through the engine, so the outbox holds the callbacks the product writes
// (test-only: the merchant's side is lib/testing/callback-receiver.ts).
import { prisma } from "@/lib/db/client";
import { createPayin } from "@/lib/orders/create-payin";
import { markPayinPaid } from "@/lib/orders/mark-payin-paid";
import { completePayin } from "@/lib/orders/complete-payin";
import { endOrder } from "@/lib/orders/end-order";
import { merchantActor, traderActor } from "./actors";
import { orderInput, setSetting, setupReference, traderWithRequisite } from "./fixtures";

/** Reference data, a trader with a deposit and one requisite, loopback callbacks allowed. */
export async function setupCallbackWorld() {
  const { currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 });
  await traderWithRequisite(currencies, { deposit: 100_000_000_000n });
  await setSetting("callbacks.allowed_private_hosts", ["127.0.0.1"]);
}

let amountSeq = 0;

/** How far the pay-in goes: each step is one status change and so one callback. */
export type PayinStory = "awaiting_payment" | "paid" | "completed" | "cancelled";

const STEPS: Record<PayinStory, number> = { awaiting_payment: 1, paid: 2, completed: 3, cancelled: 2 };

/**
 * A pay-in of `store` taken to `story` through the engine: awaiting_payment (matched on
 * create) → paid → completed, or awaiting_payment → cancelled. Returns the order id and its
 * callbacks in sequence order.
 */
export async function payinWithCallbacks(store: { id: number; limits: unknown; allowAmountAdjustment: boolean }, story: PayinStory) {
  const order = await createPayin(store, orderInput(100_000n + BigInt(++amountSeq) * 100n), merchantActor);
  if (order.status !== "awaiting_payment") throw new Error(`The pay-in was not matched (${order.status})`);
  if (story === "paid" || story === "completed") await markPayinPaid(order.id, store.id, merchantActor);
  if (story === "completed") await completePayin(order.id, {}, traderActor);
  if (story === "cancelled") await endOrder(order.id, "cancelled", { storeId: store.id }, merchantActor);
  const callbacks = await prisma.callbackDelivery.findMany({ where: { orderId: order.id }, orderBy: { sequence: "asc" } });
  if (callbacks.length !== STEPS[story]) throw new Error(`Expected ${STEPS[story]} callbacks, found ${callbacks.length}`);
  return { orderId: order.id, callbacks };
}
