import { observedRoute } from "@/lib/api/observe-request";
import { readinessResponse } from "@/lib/api/readiness-route";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and its migrations are current (see lib/api/readiness-route.ts). */
export const GET = observedRoute("/api/ready", () => readinessResponse());
