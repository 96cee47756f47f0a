// A trader's SMS-reading app on the trader API: polls its own orders and offers and acts on
// each as a person would — confirms pay-ins (some before the customer clicks "paid", some
// after), ignores some (they expire, or escalate to disputes), says "the money did not arrive"
// on some; accepts, declines or lets lapse the payouts offered, pays (receipt) or releases the
// accepted ones, or sits on them until they expire. Each order's fate is drawn once.
import { between, random } from "../random";
import type { SoakTrader } from "../world";
import { ok, pause, type ActorContext } from "./context";

type Fate = { act: string; after: number; done?: boolean };

// A 1×1 PNG: the receipt of a paid payout.
const RECEIPT = { file_name: "transfer.png", content_type: "image/png", data_base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" };

function draw(options: [act: string, weight: number][]): string {
  let roll = random();
  for (const [act, weight] of options) if ((roll -= weight) < 0) return act;
  return options[options.length - 1][0];
}

const PAYIN_FATES: [string, number][] = [["confirm_now", 0.2], ["confirm_when_paid", 0.35], ["ignore", 0.35], ["dispute_when_paid", 0.1]];
const OFFER_FATES: [string, number][] = [["accept", 0.7], ["decline", 0.15], ["ignore", 0.15]];
const ASSIGNED_FATES: [string, number][] = [["pay", 0.75], ["release", 0.1], ["ignore", 0.15]];

export async function runTrader(ctx: ActorContext, traders: SoakTrader[]): Promise<void> {
  const fates = new Map<string, Fate>();
  const fateOf = (key: string, options: [string, number][], min: number, max: number) => {
    let fate = fates.get(key);
    if (!fate) fates.set(key, (fate = { act: draw(options), after: Date.now() + between(min, max) }));
    return fate;
  };
  while (!ctx.stopping()) {
    for (const trader of traders) {
      if (ctx.stopping()) return;
      const headers = { authorization: `Bearer ${trader.token}` };
      const list = await ctx.client.send({ kind: "trader.list", method: "GET", path: "/api/v1/trader/orders", headers, retryForMs: 10_000 });
      if (!ok(list)) continue;
      for (const order of (list.body.data ?? []) as { id: string; object: string; status: string }[]) {
        if (ctx.stopping()) return;
        const move = async (kind: string, action: string, body: unknown = {}) => {
          const answer = await ctx.client.send({ kind, method: "POST", path: `/api/v1/trader/orders/${order.id}/${action}`, headers, body, retryForMs: 20_000 });
          if (ok(answer) && typeof answer.body.status === "string") ctx.client.log.effects.push({ kind, orderId: order.id, status: answer.body.status, instance: answer.instance });
          return answer;
        };
        if (order.object === "payin" && (order.status === "awaiting_payment" || order.status === "paid")) {
          const fate = fateOf(order.id, PAYIN_FATES, 300, 4_000);
          if (fate.done || Date.now() < fate.after) continue;
          const paid = order.status === "paid";
          if (fate.act === "confirm_now" || (fate.act === "confirm_when_paid" && paid)) {
            fate.done = true;
            await move("trader.confirm", "confirm");
          } else if (fate.act === "dispute_when_paid" && paid) {
            fate.done = true;
            await move("trader.dispute", "dispute", { reason: "The money did not arrive on my card." });
          }
        } else if (order.object === "payout" && order.status === "created") {
          const fate = fateOf(`${order.id}:offer:${trader.id}`, OFFER_FATES, 100, 1_500);
          if (fate.done || Date.now() < fate.after || fate.act === "ignore") continue;
          fate.done = true;
          await move(`trader.${fate.act}`, fate.act);
        } else if (order.object === "payout" && order.status === "assigned") {
          const fate = fateOf(`${order.id}:assigned:${trader.id}`, ASSIGNED_FATES, 500, 4_000);
          if (fate.done || Date.now() < fate.after || fate.act === "ignore") continue;
          fate.done = true;
          if (fate.act === "pay") await move("trader.paid", "paid", { receipt: RECEIPT });
          else await move("trader.release", "release", { reason: "Cannot pay this one." });
        }
      }
      await pause(ctx, 100, 400);
    }
  }
}
