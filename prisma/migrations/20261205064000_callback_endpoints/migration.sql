-- Issue 15: fair callback delivery. One row per store whose callback endpoint has failed: a
-- circuit breaker. After callbacks.breaker_failure_threshold timeouts or connection failures
-- in a row it opens, the store's callbacks stay pending (keeping their order and attempts),
-- and one probe at a time, at growing intervals, tests whether the endpoint is back; a
-- success closes it. No row means healthy.
CREATE TABLE "callback_endpoints" (
  "store_id" INTEGER NOT NULL,
  "state" VARCHAR(8) NOT NULL DEFAULT 'closed',
  "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
  "failing_since" TIMESTAMPTZ(3),
  "opened_at" TIMESTAMPTZ(3),
  -- How many probes failed since it opened: the next probe waits longer each time.
  "failed_probes" INTEGER NOT NULL DEFAULT 0,
  "next_probe_at" TIMESTAMPTZ(3),
  -- The probe in flight and its lease (one probe at a time across instances).
  "probe_delivery_id" BIGINT,
  "probe_until" TIMESTAMPTZ(3),
  "last_error" VARCHAR(1000),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "callback_endpoints_pkey" PRIMARY KEY ("store_id"),
  CONSTRAINT "callback_endpoints_state_check" CHECK ("state" IN ('closed', 'open')),
  CONSTRAINT "callback_endpoints_open_has_probe_time" CHECK ("state" = 'closed' OR "next_probe_at" IS NOT NULL),
  CONSTRAINT "callback_endpoints_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "merchant_store" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- In-flight deliveries per store (the per-store cap) are counted from this index.
CREATE INDEX "callback_deliveries_delivering_store_idx" ON "callback_deliveries" ("store_id") WHERE "status" = 'delivering';
