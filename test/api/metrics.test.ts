// GET /api/metrics: Prometheus exposition behind METRICS_TOKEN, with the counters the domain
// updates (orders, matching misses, sweeps, API latency) and the gauges read at scrape time
// (callback queue, database pool), through the real route handlers and this file's database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { call, payinBody, payoutBody } from "@/lib/testing/api";
import { setupReference, storeWithApiKey, storeWithBalance, traderWithApiToken, type Currencies } from "@/lib/testing/fixtures";
import { createMerchantApiKey, createStore } from "@/lib/testing";
import { measuredSweep } from "@/lib/observability/measured-sweep";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { POST as cancelPayinRoute } from "@/app/api/v1/payin/[id]/cancel/route";
import { POST as createPayoutRoute } from "@/app/api/v1/payout/route";
import { POST as traderConfirmRoute } from "@/app/api/v1/trader/orders/[id]/confirm/route";

const TOKEN = "metrics-token-for-tests-0123456789";

let currencies: Currencies;
let amountSeq = 0;
const nextAmount = () => 300_000 + ++amountSeq * 100;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  process.env.METRICS_TOKEN = TOKEN;
});

afterAll(() => {
  delete process.env.METRICS_TOKEN;
});

const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://test/api/metrics", { headers: authorization === undefined ? {} : { authorization } }));

async function exposition(): Promise<string> {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one series (`name{labels}`) in the exposition text; 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("access", () => {
  it("answers 401 with a Bearer challenge without a token, with a wrong one and with a malformed header", async () => {
    for (const header of [undefined, "Bearer wrong-token", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`]) {
      const response = await scrape(header);
      expect(response.status, String(header)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(response.headers.get("request-id")).toBeTruthy();
      expect(await response.text()).not.toContain("jivapay_");
    }
  });

  it("answers 401 to everyone, saying why, while METRICS_TOKEN is not configured", async () => {
    delete process.env.METRICS_TOKEN;
    try {
      const response = await scrape(`Bearer ${TOKEN}`);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(await response.text()).toMatch(/METRICS_TOKEN/);
    } finally {
      process.env.METRICS_TOKEN = TOKEN;
    }
  });

  it("answers the Prometheus text format with every metric for the right token", async () => {
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    for (const name of [
      "http_request_duration_seconds",
      "jivapay_orders_created_total",
      "jivapay_orders_completed_total",
      "jivapay_orders_failed_total",
      "jivapay_matching_misses_total",
      "jivapay_callback_queue_depth",
      "jivapay_callback_oldest_due_age_seconds",
      "jivapay_callback_delivery_latency_seconds",
      "jivapay_callback_breaker_open",
      "jivapay_sweep_duration_seconds",
      "jivapay_sweep_errors_total",
      "jivapay_db_pool_connections_in_use",
      "jivapay_db_pool_waiting_requests",
      "process_cpu_seconds_total",
      "nodejs_eventloop_lag_seconds",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
  });
});

describe("orders and matching", () => {
  it("counts an order created through the gateway, its completion and a cancelled one, by type", async () => {
    const { store, key } = await storeWithApiKey();
    const { trader, token } = await traderWithApiToken(currencies);
    const before = await exposition();

    const payin = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: nextAmount() }) });
    expect(payin.status, payin.text).toBe(201);
    const confirmed = await call(traderConfirmRoute, "POST", `/api/v1/trader/orders/${payin.json.id}/confirm`, { key: token, params: { id: payin.json.id }, body: {} });
    expect(confirmed.status, confirmed.text).toBe(200);
    const second = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: nextAmount() }) });
    const cancelled = await call(cancelPayinRoute, "POST", `/api/v1/payin/${second.json.id}/cancel`, { key, params: { id: second.json.id }, body: {} });
    expect(cancelled.status, cancelled.text).toBe(200);

    const after = await exposition();
    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta('jivapay_orders_created_total{type="payin"}')).toBe(2);
    expect(delta('jivapay_orders_completed_total{type="payin"}')).toBe(1);
    expect(delta('jivapay_orders_failed_total{type="payin",status="cancelled"}')).toBe(1);
    expect(delta('http_request_duration_seconds_count{method="POST",route="/api/v1/payin",status="201"}')).toBe(2);
    expect(delta('http_request_duration_seconds_count{method="POST",route="/api/v1/trader/orders/{id}/confirm",status="200"}')).toBe(1);
    expect(trader.id).toBeGreaterThan(0);
    expect(store.id).toBeGreaterThan(0);
  });

  it("counts a matching miss when no trader is there to take a payout", async () => {
    const store = await storeWithBalance(currencies);
    const { key } = await createMerchantApiKey(prisma, { storeId: store.id });
    // No trader is online for payouts: the first attempt finds nobody to offer it to.
    await prisma.trader.updateMany({ data: { lastSeenAt: null } });
    const before = await exposition();
    const payout = await call(createPayoutRoute, "POST", "/api/v1/payout", { key, body: payoutBody({ amount: nextAmount() }) });
    expect(payout.status, payout.text).toBe(201);
    expect(payout.json.status).toBe("created");
    const after = await exposition();
    expect(value(after, 'jivapay_matching_misses_total{type="payout"}') - value(before, 'jivapay_matching_misses_total{type="payout"}')).toBe(1);
    expect(value(after, 'jivapay_orders_created_total{type="payout"}') - value(before, 'jivapay_orders_created_total{type="payout"}')).toBe(1);
  });
});

describe("gauges read at scrape time", () => {
  it("callback queue depth and oldest due age reflect the due callbacks", async () => {
    const { key } = await storeWithApiKey({ callbackUrl: "http://127.0.0.1:9/callbacks" });
    for (let i = 0; i < 2; i++) {
      const created = await call(createPayinRoute, "POST", "/api/v1/payin", { key, body: payinBody({ amount: nextAmount() }) });
      expect(created.status, created.text).toBe(201);
    }
    await prisma.callbackDelivery.updateMany({ data: { status: "succeeded", nextAttemptAt: new Date() } });
    let text = await exposition();
    expect(value(text, "jivapay_callback_queue_depth")).toBe(0);
    expect(value(text, "jivapay_callback_oldest_due_age_seconds")).toBe(0);

    const rows = await prisma.callbackDelivery.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    await prisma.callbackDelivery.update({ where: { id: rows[0].id }, data: { status: "pending", nextAttemptAt: new Date(Date.now() - 120_000) } });
    await prisma.callbackDelivery.update({ where: { id: rows[1].id }, data: { status: "delivering", nextAttemptAt: new Date(Date.now() - 5_000) } });
    // Pending but not due yet: not in the queue's depth.
    if (rows[2]) await prisma.callbackDelivery.update({ where: { id: rows[2].id }, data: { status: "pending", nextAttemptAt: new Date(Date.now() + 60_000) } });

    text = await exposition();
    expect(value(text, "jivapay_callback_queue_depth")).toBe(2);
    const age = value(text, "jivapay_callback_oldest_due_age_seconds");
    expect(age).toBeGreaterThanOrEqual(120);
    expect(age).toBeLessThan(180);
  });

  it("the breaker gauge says which stores' callback endpoints are paused (1) or failing (0)", async () => {
    const paused = await createStore(prisma);
    const failing = await createStore(prisma);
    await prisma.callbackEndpoint.create({ data: { storeId: paused.id, state: "open", consecutiveFailures: 5, failingSince: new Date(), nextProbeAt: new Date() } });
    await prisma.callbackEndpoint.create({ data: { storeId: failing.id, consecutiveFailures: 2, failingSince: new Date() } });
    const text = await exposition();
    expect(text).toContain(`jivapay_callback_breaker_open{store_id="${paused.id}"} 1\n`);
    expect(text).toContain(`jivapay_callback_breaker_open{store_id="${failing.id}"} 0\n`);
  });

  it("the database pool gauge counts connections in use", async () => {
    const text = await exposition();
    expect(text).toMatch(/^jivapay_db_pool_connections_in_use \d+$/m);
    expect(text).toMatch(/^jivapay_db_pool_waiting_requests \d+$/m);
  });
});

describe("sweeps", () => {
  it("time every run and count the failed ones, per sweep", async () => {
    const ok = measuredSweep({ name: "test-sweep-ok", intervalMs: 1000, run: async () => "done" });
    const failing = measuredSweep({ name: "test-sweep-failing", intervalMs: 1000, run: async () => Promise.reject(new Error("boom")) });
    expect(await ok.run()).toBe("done");
    await expect(failing.run()).rejects.toThrow("boom");
    await expect(failing.run()).rejects.toThrow("boom");
    const text = await exposition();
    expect(value(text, 'jivapay_sweep_duration_seconds_count{sweep="test-sweep-ok"}')).toBe(1);
    expect(value(text, 'jivapay_sweep_duration_seconds_count{sweep="test-sweep-failing"}')).toBe(2);
    expect(value(text, 'jivapay_sweep_errors_total{sweep="test-sweep-failing"}')).toBe(2);
    expect(value(text, 'jivapay_sweep_errors_total{sweep="test-sweep-ok"}')).toBe(0);
  });
});
