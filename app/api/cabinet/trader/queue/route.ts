import { observedRoute } from "@/lib/api/observe-request";
import { traderRouteSession } from "@/lib/web/trader-session";
import { listTraderQueue } from "@/lib/orders/list-trader-queue";
import { markTraderSeen } from "@/lib/traders/mark-trader-seen";

/**
 * The trader's live queue, read by the cabinet when its event stream (./stream) says something
 * changed, and every two seconds while that stream is down. Each read also marks the trader
 * online (at most one write a minute; the open stream does too). `serverTime` lets the browser
 * run the deadline countdowns on the server's clock, whatever its own clock says.
 */
export const GET = observedRoute("/api/cabinet/trader/queue", async function GET() {
  const { traderId, refusal } = await traderRouteSession();
  if (refusal) return refusal;
  if (traderId === null) return Response.json({ serverTime: new Date().toISOString(), orders: [] }, { headers: { "cache-control": "no-store" } });
  const [orders] = await Promise.all([listTraderQueue(traderId), markTraderSeen(traderId)]);
  return Response.json({ serverTime: new Date().toISOString(), orders }, { headers: { "cache-control": "no-store" } });
});
