import { observedRoute } from "@/lib/api/observe-request";

export const dynamic = "force-dynamic";

/**
 * Liveness: the process is up and serving. It does not touch the database, so a database
 * outage does not get healthy instances restarted; /api/ready is the check that does.
 */
export const GET = observedRoute("/api/health", async () => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }));
