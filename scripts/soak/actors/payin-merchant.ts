// A store's backend taking pay-ins: creates one (a unique Idempotency-Key and
// merchant_order_id), sometimes sends the very same request to the other instance at the same
// moment (a retry racing the original), then plays the customer's and the merchant's part:
// "I paid" (customer confirm), cancel, a dispute when the trader does not confirm, a late
// dispute of an expired order — or nothing, so the deadline fires.
import type { Answer, RequestSpec } from "../client";
import { between, chance, pick, random } from "../random";
import type { SoakStore } from "../world";
import { merchantHeaders, merchantMove, nextId, ok, pause, type ActorContext } from "./context";

const DUPLICATE_SEND = 0.12;

export async function runPayinMerchant(ctx: ActorContext, clientIndex: number): Promise<void> {
  const store = ctx.world.stores[clientIndex % ctx.world.stores.length];
  /** Orders this client left alone: candidates for a late dispute once they expired. */
  const leftAlone: { id: string; expiresAt: number }[] = [];
  while (!ctx.stopping()) {
    const order = await createPayin(ctx, store, clientIndex);
    if (order?.status === "awaiting_payment") await playOut(ctx, store, order.id, leftAlone, order.expiresAt);
    else if (order?.status === "created" && chance(0.3)) {
      await pause(ctx, 300, 1_500);
      await merchantMove(ctx, store, "payin.cancel", `/api/v1/payin/${order.id}/cancel`, order.id, { reason: "customer left" });
    }
    await lateDispute(ctx, store, leftAlone);
    await pause(ctx, 50, 400);
  }
}

async function createPayin(ctx: ActorContext, store: SoakStore, clientIndex: number): Promise<{ id: string; status: string; expiresAt: number } | null> {
  const merchantOrderId = nextId(`payin-${clientIndex}`);
  const idempotencyKey = `key-${merchantOrderId}`;
  const spec: RequestSpec = {
    kind: "payin.create",
    method: "POST",
    path: "/api/v1/payin",
    headers: merchantHeaders(store, idempotencyKey),
    body: { amount: between(500, 6_000) * 100 + between(0, 99), currency: "RUB", customer_id: `customer-${between(1, 400)}`, merchant_order_id: merchantOrderId },
  };
  const { client } = ctx;
  let answers: (Answer | null)[];
  if (chance(DUPLICATE_SEND)) {
    // The same request to both instances at once: one order, the other answer a replay of it.
    const [a, b] = client.instances;
    answers = await Promise.all([client.sendTo(a, spec), client.sendTo(b, { ...spec, kind: "payin.create.resend" })]);
  } else answers = [await client.send(spec)];
  let created: { id: string; status: string; expiresAt: number } | null = null;
  for (const answer of answers) {
    if (!answer) continue;
    if (ok(answer) && answer.body.id) {
      client.log.effects.push({ kind: "payin.create", orderId: answer.body.id, status: String(answer.body.status), idempotencyKey, merchantOrderId, storeIndex: store.index, instance: answer.instance });
      created ??= { id: answer.body.id, status: String(answer.body.status), expiresAt: Date.parse(String(answer.body.expires_at)) || 0 };
    }
  }
  if (answers.every((answer) => !answer)) client.log.unansweredCreates.push({ idempotencyKey, merchantOrderId, storeIndex: store.index });
  return created;
}

/** The customer's and merchant's moves on a matched pay-in. */
async function playOut(ctx: ActorContext, store: SoakStore, id: string, leftAlone: { id: string; expiresAt: number }[], expiresAt: number) {
  const roll = random();
  if (roll < 0.45) {
    await pause(ctx, 200, 3_000);
    const paid = await merchantMove(ctx, store, "payin.confirm", `/api/v1/payin/${id}/confirm`, id);
    if (!ok(paid) || !chance(0.3)) return;
    // The trader has not confirmed a while later: the customer disputes through the merchant.
    await pause(ctx, 2_000, 8_000);
    const current = await ctx.client.send({ kind: "payin.get", method: "GET", path: `/api/v1/payin/${id}`, headers: merchantHeaders(store) });
    if (ok(current) && current.body.status === "paid") {
      await merchantMove(ctx, store, "payin.dispute", `/api/v1/payin/${id}/dispute`, id, { reason: "The customer paid; the trader has not confirmed." });
    }
  } else if (roll < 0.6) {
    await pause(ctx, 100, 2_000);
    await merchantMove(ctx, store, "payin.cancel", `/api/v1/payin/${id}/cancel`, id, { reason: pick(["customer left", "out of stock"]) });
  } else {
    leftAlone.push({ id, expiresAt });
    if (chance(0.3)) await ctx.client.send({ kind: "payin.get", method: "GET", path: `/api/v1/payin/${id}`, headers: merchantHeaders(store) });
  }
}

/** Now and then, a customer who paid after the deadline: a late dispute of an expired pay-in. */
async function lateDispute(ctx: ActorContext, store: SoakStore, leftAlone: { id: string; expiresAt: number }[]) {
  const due = leftAlone.findIndex((order) => order.expiresAt && order.expiresAt + 3_000 < Date.now());
  if (due < 0 || !chance(0.08)) return;
  const [order] = leftAlone.splice(due, 1);
  const current = await ctx.client.send({ kind: "payin.get", method: "GET", path: `/api/v1/payin/${order.id}`, headers: merchantHeaders(store) });
  if (ok(current) && current.body.status === "expired") {
    await merchantMove(ctx, store, "payin.dispute_late", `/api/v1/payin/${order.id}/dispute`, order.id, { reason: "The customer paid after the deadline." });
  }
}
