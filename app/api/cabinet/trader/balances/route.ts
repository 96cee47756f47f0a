import { observedRoute } from "@/lib/api/observe-request";
import { traderRouteSession } from "@/lib/web/trader-session";
import { getTraderBalances } from "@/lib/ledger/get-trader-balances";

/** The trader's USDT deposit and fiat turnover; refetched after every confirmation. */
export const GET = observedRoute("/api/cabinet/trader/balances", async function GET() {
  const { traderId, refusal } = await traderRouteSession();
  if (refusal) return refusal;
  if (traderId === null) return Response.json({ error: "no_trader_profile" }, { status: 404 });
  return Response.json(await getTraderBalances(traderId), { headers: { "cache-control": "no-store" } });
});
