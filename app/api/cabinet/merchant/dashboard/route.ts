import { observedRoute } from "@/lib/api/observe-request";
import { getDashboardSnapshot } from "@/lib/metrics/merchant-dashboard-snapshot";
import { merchantOrRefusal } from "@/lib/web/merchant-route";
import { getMerchantDataWorld } from "@/lib/web/merchant-data-world";

export const dynamic = "force-dynamic";

/** The signed-in merchant's live dashboard numbers and balances, polled by the dashboard page. */
export const GET = observedRoute("/api/cabinet/merchant/dashboard", async function GET() {
  const { user, refusal } = await merchantOrRefusal();
  if (refusal) return refusal;
  const snapshot = await getDashboardSnapshot(user.id, await getMerchantDataWorld());
  return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
});
