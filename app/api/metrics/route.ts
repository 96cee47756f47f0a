import { observedRoute } from "@/lib/api/observe-request";
import { metricsResponse } from "@/lib/api/metrics-route";

export const dynamic = "force-dynamic";

/** Prometheus metrics behind METRICS_TOKEN (see lib/api/metrics-route.ts). */
export const GET = observedRoute("/api/metrics", (request: Request) => metricsResponse(request));
