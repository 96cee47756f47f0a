import "server-only";
import { checkReadiness } from "@/lib/db/readiness";
import { jsonResponse } from "./json";

/**
 * GET /api/ready — readiness, for a load balancer or an orchestrator: 200 when the database
 * answers and its migrations are current, else 503 naming what is wrong (no connection
 * details). /api/health answers whether the process is up at all.
 */
export async function readinessResponse(options: { migrationsDir?: string } = {}): Promise<Response> {
  const readiness = await checkReadiness(options);
  const headers = { "cache-control": "no-store" };
  if (readiness.ready) return jsonResponse({ status: "ready", db: "ok", migrations: "current" }, 200, headers);
  if ("pendingMigrations" in readiness) {
    return jsonResponse(
      { status: "not_ready", db: "ok", migrations: "pending", pending_count: readiness.pendingMigrations.length, pending: readiness.pendingMigrations },
      503,
      headers,
    );
  }
  if ("migrations" in readiness) return jsonResponse({ status: "not_ready", db: "ok", migrations: "folder_missing" }, 503, headers);
  return jsonResponse({ status: "not_ready", db: "unreachable" }, 503, headers);
}
