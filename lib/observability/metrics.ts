import "server-only";
import client, { type Counter, type Gauge, type Histogram, type Registry } from "prom-client";
import { callbackQueueStats, type CallbackQueueStats } from "@/lib/callbacks/callback-queue-stats";
import { callbackBreakerStates } from "@/lib/callbacks/callback-breaker-states";
import { databasePoolStats } from "@/lib/db/client";
import { log } from "./logger";

/**
 * The Prometheus metrics of the app (scraped at /api/metrics). Counters and histograms are
 * updated where things happen (the gateway frame, order creation and transitions, matching,
 * the sweeps); the gauges of the callback queue and the database pool are read at scrape time.
 */
export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<"method" | "route" | "status">;
  ordersCreated: Counter<"type">;
  ordersCompleted: Counter<"type">;
  ordersFailed: Counter<"type" | "status">;
  matchingMisses: Counter<"type">;
  sweepDuration: Histogram<"sweep">;
  sweepErrors: Counter<"sweep">;
  callbackQueueDepth: Gauge;
  callbackOldestDueAge: Gauge;
  callbackDeliveryLatency: Histogram<"store_id">;
  callbackBreakerOpen: Gauge<"store_id">;
  dbPoolInUse: Gauge;
  dbPoolWaiting: Gauge;
}

// A scrape collects every metric at once, so both callback gauges share one read of the queue
// (the read in flight); the next scrape reads afresh.
let pendingStats: Promise<CallbackQueueStats | null> | null = null;
function queueStatsForScrape(): Promise<CallbackQueueStats | null> {
  pendingStats ??= callbackQueueStats()
    .catch((error: unknown) => {
      log.warn({ err: error }, "callback queue gauges not read");
      return null;
    })
    .finally(() => {
      pendingStats = null;
    });
  return pendingStats;
}

function build(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new client.Histogram({
      name: "http_request_duration_seconds",
      help: "API request latency by route pattern, method and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    ordersCreated: new client.Counter({ name: "jivapay_orders_created_total", help: "Orders created, by type (payin, payout).", labelNames: ["type"], registers: [registry] }),
    ordersCompleted: new client.Counter({ name: "jivapay_orders_completed_total", help: "Orders completed, by type.", labelNames: ["type"], registers: [registry] }),
    ordersFailed: new client.Counter({
      name: "jivapay_orders_failed_total",
      help: "Orders that ended without completing, by type and final status (cancelled, expired, failed).",
      labelNames: ["type", "status"],
      registers: [registry],
    }),
    matchingMisses: new client.Counter({
      name: "jivapay_matching_misses_total",
      help: "Matching attempts that found no requisite (pay-in) or no online trader to offer to (payout).",
      labelNames: ["type"],
      registers: [registry],
    }),
    sweepDuration: new client.Histogram({
      name: "jivapay_sweep_duration_seconds",
      help: "Duration of one run of a background sweep.",
      labelNames: ["sweep"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    sweepErrors: new client.Counter({ name: "jivapay_sweep_errors_total", help: "Runs of a background sweep that failed.", labelNames: ["sweep"], registers: [registry] }),
    callbackQueueDepth: new client.Gauge({
      name: "jivapay_callback_queue_depth",
      help: "Merchant callbacks due for delivery now (pending or delivering, next attempt in the past).",
      registers: [registry],
      async collect() {
        const stats = await queueStatsForScrape();
        if (stats) this.set(stats.due);
      },
    }),
    callbackOldestDueAge: new client.Gauge({
      name: "jivapay_callback_oldest_due_age_seconds",
      help: "How long the oldest due callback has been waiting, in seconds (0 when none is due).",
      registers: [registry],
      async collect() {
        const stats = await queueStatsForScrape();
        if (stats) this.set(stats.oldestDueSeconds);
      },
    }),
    callbackDeliveryLatency: new client.Histogram({
      name: "jivapay_callback_delivery_latency_seconds",
      help: "From when a callback was due to when its merchant answered 2xx, by store.",
      labelNames: ["store_id"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    callbackBreakerOpen: new client.Gauge({
      name: "jivapay_callback_breaker_open",
      help: "1 while a store's callback endpoint breaker is open (its callbacks paused, probed), 0 while it is failing but still closed; stores without failures are absent.",
      labelNames: ["store_id"],
      registers: [registry],
      async collect() {
        const states = await callbackBreakerStates().catch((error: unknown) => {
          log.warn({ err: error }, "callback breaker gauge not read");
          return null;
        });
        if (!states) return;
        this.reset();
        for (const { storeId, open } of states) this.set({ store_id: String(storeId) }, open ? 1 : 0);
      },
    }),
    dbPoolInUse: new client.Gauge({
      name: "jivapay_db_pool_connections_in_use",
      help: "Database connections of this process checked out of the pool.",
      registers: [registry],
      collect() {
        const pool = databasePoolStats();
        this.set(pool.total - pool.idle);
      },
    }),
    dbPoolWaiting: new client.Gauge({
      name: "jivapay_db_pool_waiting_requests",
      help: "Queries of this process waiting for a free database connection.",
      registers: [registry],
      collect() {
        this.set(databasePoolStats().waiting);
      },
    }),
  };
}

// On globalThis under a Symbol.for key: Next.js bundles each route separately, and a
// module-level registry would be one per bundle — the scrape would see none of the others' counts.
const KEY = Symbol.for("jivapay.metrics");
const holder = globalThis as { [KEY]?: Metrics };

export function metrics(): Metrics {
  return (holder[KEY] ??= build());
}

/** The exposition text of every metric, and its content type, for the scrape. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
