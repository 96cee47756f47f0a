// GET /api/v1/orders/{id}/callbacks and POST /api/v1/orders/{id}/callbacks/resend through the
// real route handlers, against this file's own PostgreSQL and a real receiver on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackListSchema, callbackObjectSchema } from "@/lib/api/schemas/callbacks";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { deliverDueCallbacks } from "@/lib/callbacks/deliver-due-callbacks";
import { GET as listCallbacksRoute } from "@/app/api/v1/orders/[id]/callbacks/route";
import { POST as resendRoute } from "@/app/api/v1/orders/[id]/callbacks/resend/route";
import { payinWithCallbacks, setupCallbackWorld } from "@/lib/testing/callback-orders";
import { startReceiver, type Receiver } from "@/lib/testing/callback-receiver";
import { call, expectErrorShape, unknownOrderId } from "@/lib/testing/api";
import { storeWithApiKey } from "@/lib/testing/fixtures";

let receiver: Receiver;
let A: Awaited<ReturnType<typeof storeWithApiKey>>;
let B: Awaited<ReturnType<typeof storeWithApiKey>>;
let order: Awaited<ReturnType<typeof payinWithCallbacks>>;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const listPath = (id: string) => `/api/v1/orders/${id}/callbacks`;
const resendPath = (id: string) => `/api/v1/orders/${id}/callbacks/resend`;

beforeAll(async () => {
  await setupCallbackWorld();
  receiver = await startReceiver();
  A = await storeWithApiKey({ callbackUrl: receiver.url });
  B = await storeWithApiKey({ callbackUrl: receiver.url });
  order = await payinWithCallbacks(A.store, "paid");
  // The first callback is refused once, then everything is delivered.
  receiver.respond = (request, timesSeen) => (request.webhookId === order.callbacks[0].webhookId && timesSeen === 1 ? 500 : 200);
  const now = new Date();
  await deliverDueCallbacks({ now });
  await deliverDueCallbacks({ now: new Date(now.getTime() + 10_000) });
});

afterAll(() => receiver.close());

describe("GET /api/v1/orders/{id}/callbacks", () => {
  it("lists the order's callbacks in sequence with every attempt", async () => {
    const response = await call(listCallbacksRoute, "GET", listPath(order.orderId), { key: A.key, params: { id: order.orderId } });
    expect(response.status, response.text).toBe(200);
    const body = callbackListSchema.strict().parse(response.json);
    expect(body.data.map((c) => Object.keys(c).sort())).toEqual(body.data.map(() => Object.keys(callbackObjectSchema.shape).sort()));
    expect(body.data.map((c) => [c.sequence, c.event_type, c.webhook_id, c.status])).toEqual([
      [1, "payin.awaiting_payment", order.callbacks[0].webhookId, "succeeded"],
      [2, "payin.paid", order.callbacks[1].webhookId, "succeeded"],
    ]);
    const [first] = body.data;
    expect(first).toMatchObject({ id: Number(order.callbacks[0].id), attempts: 2, next_attempt_at: null, last_status_code: 200, last_error: null });
    expect(first.delivered_at).toMatch(ISO);
    expect(first.created_at).toMatch(ISO);
    expect(first.attempts_log.map((a) => [a.status_code, a.error])).toEqual([
      [500, "HTTP 500"],
      [200, null],
    ]);
    for (const attempt of first.attempts_log) {
      expect(attempt.attempted_at).toMatch(ISO);
      expect(attempt.latency_ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("401 without a valid key", async () => {
    expectErrorShape(await call(listCallbacksRoute, "GET", listPath(order.orderId), { key: null, params: { id: order.orderId } }), 401);
    expectErrorShape(await call(listCallbacksRoute, "GET", listPath(order.orderId), { key: "jp_test_nope", params: { id: order.orderId } }), 401);
  });

  it("404 for another store's order, an unknown order and a malformed id", async () => {
    for (const id of [order.orderId, unknownOrderId("pi_"), "pi_nope", "../../balance"]) {
      expectErrorShape(await call(listCallbacksRoute, "GET", listPath(id), { key: B.key, params: { id } }), 404, "order_not_found");
    }
  });
});

describe("POST /api/v1/orders/{id}/callbacks/resend", () => {
  it("sends the order's latest callback again with the same webhook-id", async () => {
    receiver.received.length = 0;
    const response = await call(resendRoute, "POST", resendPath(order.orderId), { key: A.key, params: { id: order.orderId } });
    expect(response.status, response.text).toBe(200);
    const body = callbackObjectSchema.strict().parse(response.json);
    expect(body).toMatchObject({ webhook_id: order.callbacks[1].webhookId, status: "succeeded", attempts: 2 });
    expect(receiver.received.map((r) => r.webhookId)).toEqual([order.callbacks[1].webhookId]);
  });

  it("sends the chosen callback; an Idempotency-Key replay does not send it again", async () => {
    receiver.received.length = 0;
    const options = { key: A.key, params: { id: order.orderId }, body: { delivery_id: Number(order.callbacks[0].id) }, headers: { "idempotency-key": "resend-1" } };
    const first = await call(resendRoute, "POST", resendPath(order.orderId), options);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ webhook_id: order.callbacks[0].webhookId, attempts: 3 });
    const replay = await call(resendRoute, "POST", resendPath(order.orderId), options);
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.text).toBe(first.text);
    expect(receiver.received.map((r) => r.webhookId)).toEqual([order.callbacks[0].webhookId]);
  });

  it("401 without a valid key", async () => {
    expectErrorShape(await call(resendRoute, "POST", resendPath(order.orderId), { key: null, params: { id: order.orderId } }), 401);
  });

  it("404 for another store's order or another order's callback; 422 for a bad delivery_id", async () => {
    expectErrorShape(await call(resendRoute, "POST", resendPath(order.orderId), { key: B.key, params: { id: order.orderId } }), 404, "order_not_found");
    const other = await payinWithCallbacks(B.store, "awaiting_payment");
    const foreign = await call(resendRoute, "POST", resendPath(order.orderId), { key: A.key, params: { id: order.orderId }, body: { delivery_id: Number(other.callbacks[0].id) } });
    expectErrorShape(foreign, 404, "callback_not_found", "delivery_id");
    for (const body of [{ delivery_id: "1" }, { delivery_id: -1 }, { delivery_id: 1.5 }, { other: 1 }]) {
      expectErrorShape(await call(resendRoute, "POST", resendPath(order.orderId), { key: A.key, params: { id: order.orderId }, body }), 422);
    }
  });

  it("409 when the store has no callback URL", async () => {
    const silent = await storeWithApiKey({ callbackUrl: null });
    const { orderId } = await payinWithCallbacks(silent.store, "awaiting_payment");
    expectErrorShape(await call(resendRoute, "POST", resendPath(orderId), { key: silent.key, params: { id: orderId } }), 409, "no_callback_url");
  });
});

describe("OpenAPI", () => {
  it("documents both endpoints with the schemas the handlers use", () => {
    const doc = buildOpenApiDocument() as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { content: { "application/json": { schema: { $ref: string } } } }> }>>;
      components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
    };
    const list = doc.paths["/api/v1/orders/{id}/callbacks"].get;
    const resend = doc.paths["/api/v1/orders/{id}/callbacks/resend"].post;
    expect(list.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/CallbackList");
    expect(resend.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/Callback");
    expect(doc.components.schemas.Callback.required).toEqual(expect.arrayContaining(Object.keys(callbackObjectSchema.shape)));
    expect(Object.keys(doc.components.schemas.ResendCallback.properties)).toEqual(["delivery_id"]);
  });
});
