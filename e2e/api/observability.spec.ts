// Request ids, metrics and readiness on the production server (next start behind proxy.ts):
// what a load balancer, a log shipper and Prometheus see.
import { expect, test } from "@playwright/test";
import { E2E_METRICS_TOKEN } from "../helpers/metrics";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("every response carries a request-id: a safe one sent is kept, an unsafe one replaced", async ({ request }) => {
  for (const path of ["/api/health", "/login", "/api/v1/balance"]) {
    const response = await request.get(path);
    expect(response.headers()["request-id"], path).toMatch(UUID);
  }
  const kept = await request.get("/api/health", { headers: { "request-id": "e2e-trace-000001" } });
  expect(kept.headers()["request-id"]).toBe("e2e-trace-000001");
  const replaced = await request.get("/api/v1/balance", { headers: { "x-request-id": "not safe!" } });
  expect(replaced.status()).toBe(401);
  expect(replaced.headers()["request-id"]).toMatch(UUID);
});

test("GET /api/ready answers 200 on a migrated database", async ({ request }) => {
  const response = await request.get("/api/ready");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ready", db: "ok", migrations: "current" });
});

test("GET /api/metrics needs the bearer token and then serves every bundle's counts", async ({ request }) => {
  const refused = await request.get("/api/metrics");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer /);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);

  // Requests served by other route bundles, counted in the one registry the scrape reads.
  await request.get("/api/health");
  await request.get("/api/v1/balance");
  const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]/m);
  expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/balance",status="401"\} [1-9]/m);
  for (const name of ["jivapay_orders_created_total", "jivapay_callback_queue_depth", "jivapay_db_pool_connections_in_use", "jivapay_sweep_duration_seconds"]) {
    expect(text, name).toContain(`# TYPE ${name} `);
  }
  // The in-process sweeps run every 2 s in this server: their runs are timed.
  expect(text).toMatch(/^jivapay_sweep_duration_seconds_count\{sweep="expire-due-orders"\} [1-9]/m);
});
