// A store's back office reading: order lists (newest first, filtered by status), balances and
// an order's callback log — the reads that run beside the writes on a live gateway.
import { pick } from "../random";
import { merchantHeaders, ok, pause, type ActorContext } from "./context";

export async function runReader(ctx: ActorContext, clientIndex: number): Promise<void> {
  const store = ctx.world.stores[clientIndex % ctx.world.stores.length];
  const headers = merchantHeaders(store);
  while (!ctx.stopping()) {
    const status = pick(["", "&status=completed", "&status=awaiting_payment", "&type=payout"]);
    const list = await ctx.client.send({ kind: "orders.list", method: "GET", path: `/api/v1/orders?limit=20${status}`, headers, retryForMs: 10_000 });
    await ctx.client.send({ kind: "balance.get", method: "GET", path: "/api/v1/balance", headers, retryForMs: 10_000 });
    const orders = ok(list) ? ((list.body.data ?? []) as { id: string }[]) : [];
    if (orders.length) {
      await ctx.client.send({ kind: "callbacks.list", method: "GET", path: `/api/v1/orders/${pick(orders).id}/callbacks`, headers, retryForMs: 10_000 });
    }
    await pause(ctx, 200, 800);
  }
}
