// Structured logs and request ids through the real route handlers: every response carries a
// request-id, every line written for a request carries it, the audit rows it writes store it,
// and no credential — API key, trader token, password, reset token — ever reaches a log line.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { liveBody } from "@/lib/email/sealed-secret";
import { log } from "@/lib/observability/logger";
import { runWithRequestContext } from "@/lib/observability/request-context";
import { createUser, DEFAULT_TEST_PASSWORD } from "@/lib/testing";
import { call, expectErrorShape, payinBody } from "@/lib/testing/api";
import { captureLogs, type CapturedLogs } from "@/lib/testing/capture-logs";
import { setupReference, storeWithApiKey, traderWithApiToken, type Currencies } from "@/lib/testing/fixtures";
import { POST as createPayinRoute } from "@/app/api/v1/payin/route";
import { GET as getPayinRoute } from "@/app/api/v1/payin/[id]/route";
import { GET as traderOrdersRoute } from "@/app/api/v1/trader/orders/route";
import { GET as healthRoute } from "@/app/api/health/route";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let currencies: Currencies;
let merchant: Awaited<ReturnType<typeof storeWithApiKey>>;
let trader: Awaited<ReturnType<typeof traderWithApiToken>>;
let logs: CapturedLogs;

let amountSeq = 0;
const nextAmount = () => 200_000 + ++amountSeq * 100;

beforeAll(async () => {
  ({ currencies } = await setupReference({ relaxFraudCaps: true, maxOpenOrdersPerRequisite: 100 }));
  merchant = await storeWithApiKey();
  trader = await traderWithApiToken(currencies);
});

beforeEach(() => {
  logs = captureLogs();
});

afterEach(() => {
  logs.restore();
});

/** The access line of the request that answered with `requestId`. */
const accessLine = (requestId: string) => logs.records().find((record) => record.msg === "request" && record.request_id === requestId);

describe("request ids on API responses", () => {
  it("generates one when the caller sends none, on successes and errors alike", async () => {
    const ok = await call(createPayinRoute, "POST", "/api/v1/payin", { key: merchant.key, body: payinBody({ amount: nextAmount() }) });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.headers.get("request-id")).toMatch(UUID);

    const refused = await call(createPayinRoute, "POST", "/api/v1/payin", { key: null, body: payinBody() });
    expectErrorShape(refused, 401);
    expect(refused.headers.get("request-id")).toMatch(UUID);
    expect(refused.headers.get("request-id")).not.toBe(ok.headers.get("request-id"));

    const invalid = await call(createPayinRoute, "POST", "/api/v1/payin", { key: merchant.key, raw: "{not json" });
    expectErrorShape(invalid, 400);
    expect(invalid.headers.get("request-id")).toMatch(UUID);
  });

  it("echoes a safe request-id (or x-request-id) and replaces an unsafe one", async () => {
    const echoed = await call(getPayinRoute, "GET", "/api/v1/payin/pi_unknown", { key: merchant.key, params: { id: "pi_unknown" }, headers: { "request-id": "lb-trace-0001" } });
    expect(echoed.headers.get("request-id")).toBe("lb-trace-0001");
    const legacy = await call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: trader.token, headers: { "x-request-id": "edge.trace_0002" } });
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get("request-id")).toBe("edge.trace_0002");
    const unsafe = await call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: trader.token, headers: { "request-id": "<script>alert(1)</script>" } });
    expect(unsafe.headers.get("request-id")).toMatch(UUID);
  });

  it("answers one on the health check too", async () => {
    const response = await healthRoute();
    expect(response.headers.get("request-id")).toMatch(UUID);
  });
});

describe("the access log", () => {
  it("writes one line per request: method, route pattern, status, duration and the caller's id — never the key", async () => {
    const created = await call(createPayinRoute, "POST", "/api/v1/payin", { key: merchant.key, body: payinBody({ amount: nextAmount() }) });
    const id = created.json.id as string;
    const read = await call(getPayinRoute, "GET", `/api/v1/payin/${id}`, { key: merchant.key, params: { id }, headers: { "request-id": "access-line-0001" } });
    expect(read.status).toBe(200);

    const line = accessLine("access-line-0001");
    expect(line).toMatchObject({ level: "info", method: "GET", route: "/api/v1/payin/{id}", status: 200, store_id: merchant.store.id });
    expect(line?.duration_ms).toBeTypeOf("number");
    expect(JSON.stringify(line)).not.toContain(id);

    const traderCall = await call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: trader.token, headers: { "request-id": "access-line-0002" } });
    expect(traderCall.status).toBe(200);
    expect(accessLine("access-line-0002")).toMatchObject({ route: "/api/v1/trader/orders", status: 200, trader_id: trader.trader.id });

    const refused = await call(getPayinRoute, "GET", `/api/v1/payin/${id}`, { key: "sk_test_wrong_key_0123456789", params: { id }, headers: { "request-id": "access-line-0003" } });
    expect(refused.status).toBe(401);
    expect(accessLine("access-line-0003")).toMatchObject({ status: 401, route: "/api/v1/payin/{id}" });
    expect(accessLine("access-line-0003")?.store_id).toBeUndefined();
  });
});

describe("audit rows", () => {
  it("store the request id of the request that wrote them", async () => {
    const created = await call(createPayinRoute, "POST", "/api/v1/payin", {
      key: merchant.key,
      body: payinBody({ amount: nextAmount() }),
      headers: { "request-id": "audit-trail-0001" },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.status).toBe("awaiting_payment");
    const rows = await prisma.auditLog.findMany({ where: { entityType: "order", entityId: created.json.id } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.requestId).toBe("audit-trail-0001");
  });

  it("have none outside a request (a sweep, a script)", async () => {
    const user = await createUser(prisma);
    await requestPasswordReset({ email: user.email, ip: "203.0.113.50" });
    const token = await resetTokenOf(user.email);
    await resetPassword({ token, password: "another long password", confirmPassword: "another long password" });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: "password_reset", entityId: String(user.id) } });
    expect(row.requestId).toBeNull();
  });
});

/** The token of the newest reset email to `to` (sealed in the outbox; the sender unseals it). */
async function resetTokenOf(to: string): Promise<string> {
  const email = await prisma.emailOutbox.findFirstOrThrow({ where: { to, template: "password_reset" }, orderBy: { id: "desc" } });
  return /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(liveBody(email.text, email))![1];
}

describe("secrets never logged", () => {
  it("neither API keys, trader tokens, passwords nor reset tokens reach a line, and every request line has its id", async () => {
    const wrongPassword = "wrong-password-Zq9!xT";
    const newPassword = "a new and secret password 42";
    const user = await createUser(prisma);

    // The gateway with a merchant key (success, a 4xx and an idempotent POST) and a trader token.
    await call(createPayinRoute, "POST", "/api/v1/payin", { key: merchant.key, body: payinBody({ amount: nextAmount() }), headers: { "idempotency-key": "idem-secret-check" } });
    await call(createPayinRoute, "POST", "/api/v1/payin", { key: merchant.key, body: { amount: "not a number" } });
    await call(getPayinRoute, "GET", "/api/v1/payin/pi_nope", { key: merchant.key, params: { id: "pi_nope" } });
    await call(traderOrdersRoute, "GET", "/api/v1/trader/orders", { key: trader.token });

    // Sign-in (right and wrong password) and the whole reset flow, each in its own request.
    let token = "";
    await runWithRequestContext({ requestId: "sign-in-0001", route: "/api/auth/callback/credentials" }, async () => {
      expect((await authenticate(user.email, DEFAULT_TEST_PASSWORD, "203.0.113.7")).ok).toBe(true);
      expect((await authenticate(user.email, wrongPassword, "203.0.113.7")).ok).toBe(false);
      // A careless line: the safety net must still hold.
      log.warn({ body: { email: user.email, password: wrongPassword }, headers: { authorization: `Bearer ${merchant.key}`, cookie: "next-auth.session-token=abc" } }, "sign-in refused");
    });
    await runWithRequestContext({ requestId: "reset-0001", route: "/forgot-password" }, async () => {
      await requestPasswordReset({ email: user.email, ip: "203.0.113.8" });
      token = await resetTokenOf(user.email);
      log.info({ token, input: { token, password: newPassword } }, "reset requested");
    });
    await runWithRequestContext({ requestId: "reset-0002", route: "/reset-password" }, async () => {
      await resetPassword({ token, password: newPassword, confirmPassword: newPassword });
      // Used up: a second try is refused (and logged by nobody with its token).
      await expect(resetPassword({ token, password: newPassword, confirmPassword: newPassword })).rejects.toThrow();
    });

    const text = logs.lines.join("");
    expect(logs.lines.length).toBeGreaterThanOrEqual(6);
    for (const secret of [merchant.key, trader.token, DEFAULT_TEST_PASSWORD, wrongPassword, newPassword, token, "next-auth.session-token=abc"]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text).not.toContain(secret);
    }
    for (const record of logs.records()) expect(record.request_id, JSON.stringify(record)).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(logs.records().filter((record) => record.msg === "request")).toHaveLength(4);
  });
});
