import { observedRoute } from "@/lib/api/observe-request";
import { traderRouteSession } from "@/lib/web/trader-session";
import { listTraderHistory } from "@/lib/orders/list-trader-history";

/** One page of the trader's finished orders: ?cursor=<nextCursor of the previous page>. */
export const GET = observedRoute("/api/cabinet/trader/history", async function GET(request: Request) {
  const { traderId, refusal } = await traderRouteSession();
  if (refusal) return refusal;
  if (traderId === null) return Response.json({ orders: [], nextCursor: null });
  const cursor = new URL(request.url).searchParams.get("cursor");
  return Response.json(await listTraderHistory(traderId, cursor), { headers: { "cache-control": "no-store" } });
});
