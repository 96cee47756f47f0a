// A store's backend making payouts: creates them (up to three in flight), cancels some before a
// trader takes them, watches the others, and once the trader's receipt is in (`paid`)
// confirms, disputes ("the recipient got nothing") or stays silent so the confirmation window
// completes it.
import { between, chance, random } from "../random";
import type { SoakStore } from "../world";
import { merchantHeaders, merchantMove, nextId, ok, pause, type ActorContext } from "./context";

const ENDED = new Set(["completed", "cancelled", "expired", "failed", "disputed"]);
const IN_FLIGHT = 3;

export async function runPayoutMerchant(ctx: ActorContext, clientIndex: number): Promise<void> {
  const store = ctx.world.stores[clientIndex % ctx.world.stores.length];
  const watching = new Set<Promise<void>>();
  while (!ctx.stopping()) {
    const id = await createPayout(ctx, store, clientIndex);
    if (id) {
      const watch = followPayout(ctx, store, id).finally(() => watching.delete(watch));
      watching.add(watch);
    }
    await pause(ctx, 500, 2_000);
    if (watching.size >= IN_FLIGHT) await Promise.race(watching);
  }
  await Promise.all(watching);
}

async function createPayout(ctx: ActorContext, store: SoakStore, clientIndex: number): Promise<string | null> {
  const merchantOrderId = nextId(`payout-${clientIndex}`);
  const idempotencyKey = `key-${merchantOrderId}`;
  const answer = await ctx.client.send({
    kind: "payout.create",
    method: "POST",
    path: "/api/v1/payout",
    headers: merchantHeaders(store, idempotencyKey),
    body: {
      amount: between(300, 4_000) * 100,
      currency: "RUB",
      customer_id: `payee-${between(1, 200)}`,
      merchant_order_id: merchantOrderId,
      destination: { type: "card", number: `2200${String(between(0, 999_999_999_999)).padStart(12, "0")}`, holder: "IVAN PETROV" },
    },
  });
  if (!answer) ctx.client.log.unansweredCreates.push({ idempotencyKey, merchantOrderId, storeIndex: store.index });
  if (!ok(answer) || !answer.body.id) return null;
  ctx.client.log.effects.push({ kind: "payout.create", orderId: answer.body.id, status: String(answer.body.status), idempotencyKey, merchantOrderId, storeIndex: store.index, instance: answer.instance });
  return answer.body.id;
}

async function followPayout(ctx: ActorContext, store: SoakStore, id: string): Promise<void> {
  if (chance(0.1)) {
    await pause(ctx, 200, 1_500);
    await merchantMove(ctx, store, "payout.cancel", `/api/v1/payout/${id}/cancel`, id, { reason: "The customer changed their mind." });
    return;
  }
  // Watch it until the receipt is in or it ended (a payout nobody pays expires in 20 s).
  const decision = random();
  const watchUntil = Date.now() + 60_000;
  while (!ctx.stopping() && Date.now() < watchUntil) {
    await pause(ctx, 700, 1_500);
    const current = await ctx.client.send({ kind: "payout.get", method: "GET", path: `/api/v1/payout/${id}`, headers: merchantHeaders(store) });
    const status = ok(current) ? String(current.body.status) : "";
    if (status === "paid") {
      if (decision < 0.5) await merchantMove(ctx, store, "payout.confirm", `/api/v1/payout/${id}/confirm`, id);
      else if (decision < 0.7) await merchantMove(ctx, store, "payout.dispute", `/api/v1/payout/${id}/dispute`, id, { reason: "The recipient says no money arrived." });
      return;
    }
    if (ENDED.has(status)) return;
  }
}
