import "server-only";
import { prisma } from "@/lib/db/client";

/** How a store's callback endpoint is doing, for the merchant cabinet and the admin's store pages. */
export interface CallbackEndpointHealth {
  /** healthy: no unreachable delivery since the last answer; failing: some, breaker still closed; paused: breaker open. */
  state: "healthy" | "failing" | "paused";
  failingSince: Date | null;
  consecutiveFailures: number;
  /** While paused: when the next probe goes out (or went out, if it is in flight). */
  nextProbeAt: Date | null;
  lastError: string | null;
}

const HEALTHY: CallbackEndpointHealth = { state: "healthy", failingSince: null, consecutiveFailures: 0, nextProbeAt: null, lastError: null };

/** The endpoint health of each of `storeIds` (healthy when it has no breaker row). */
export async function getCallbackEndpointHealth(storeIds: readonly number[]): Promise<Map<number, CallbackEndpointHealth>> {
  const rows = storeIds.length ? await prisma.callbackEndpoint.findMany({ where: { storeId: { in: [...storeIds] } } }) : [];
  const health = new Map<number, CallbackEndpointHealth>(storeIds.map((id) => [id, HEALTHY]));
  for (const row of rows) {
    health.set(row.storeId, {
      state: row.state === "open" ? "paused" : "failing",
      failingSince: row.failingSince,
      consecutiveFailures: row.consecutiveFailures,
      nextProbeAt: row.state === "open" ? row.nextProbeAt : null,
      lastError: row.lastError,
    });
  }
  return health;
}

/** Every store whose endpoint has failed lately, and whether its breaker is open (the metrics scrape). */
export async function callbackBreakerStates(): Promise<{ storeId: number; open: boolean }[]> {
  const rows = await prisma.callbackEndpoint.findMany({ select: { storeId: true, state: true } });
  return rows.map((row) => ({ storeId: row.storeId, open: row.state === "open" }));
}
